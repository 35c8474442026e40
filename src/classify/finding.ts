import {
  birthOf,
  isSchoolAge,
  type Category,
  type HouseholdIx,
  type ReasonOf,
  type RegistryIx,
  type SchoolAge,
  type SourceRecord,
} from '../domain/index.js';
import type { Link, LinkedData, Review } from '../link/index.js';

/** What a classifier reads: the linked data and the school-age settings. */
export interface ClassifyContext {
  readonly data: LinkedData;
  readonly referenceDay: number;
  readonly schoolAge: SchoolAge;
  /** The as-of day (SPEC §11: guardians are adults on it). */
  readonly asOf: number;
  /**
   * The living people of the household register who are of school age (SPEC §3), in
   * row order: found once (classify/index.ts), read by 适龄未入学, the per-township
   * coverage and 适龄儿童台账 instead of a pass over a million people each.
   */
  readonly schoolAgeHousehold: readonly HouseholdIx[];
}

/** What a classifier finds, before it becomes a Case (case-builder.ts adds ids, flags, person). */
export interface Finding<C extends Category = Category> {
  readonly category: C;
  readonly reasons: ReasonOf<C>[];
  /** The record the case is about. */
  readonly primary: SourceRecord;
  /** The household person linked to it, if any. */
  readonly household: SourceRecord | null;
  /** Further records: the child's poverty members, the other registrations of a duplicate. */
  readonly others: readonly SourceRecord[];
  readonly link: Link | null;
  /** For `review`: the people that fit, and how. */
  readonly review: { readonly review: Review; readonly people: readonly SourceRecord[] } | null;
  readonly suggestedId: string | null;
}

/** A classifier: one row of the SPEC §5 table, a pure function of the linked data. */
export type Classifier = (context: ClassifyContext) => Finding[];

/** Registry record r, with what linking found for it. */
export function registryFinding<C extends Category>(
  context: ClassifyContext,
  category: C,
  reasons: ReasonOf<C>[],
  r: RegistryIx,
  extra: readonly SourceRecord[] = [],
): Finding<C> {
  const { data } = context;
  const record = data.registry[r]!;
  const outcome = data.registryOutcomes[r]!;
  const link = outcome.kind === 'linked' ? outcome.link : null;
  const household = link ? data.household.at(link.target) : null;
  const poverty = (data.povertyByRegistry.get(r) ?? []).map((p) => data.poverty[p]!);
  return {
    category,
    reasons,
    primary: record,
    household,
    others: [...extra, ...poverty],
    link,
    review: null,
    suggestedId: suggestedIdFor(record, link, household),
  };
}

/**
 * SPEC §7 `suggested_id`: the household ID, when the registry ID is wrong or
 * missing and a person was linked.
 */
function suggestedIdFor(record: SourceRecord, link: Link | null, household: SourceRecord | null): string | null {
  if (!link || !household || household.idState !== 'valid') return null;
  const registryIdWrong = record.idState !== 'valid' || link.rule === 'id_fuzzy';
  return registryIdWrong ? household.id : null;
}

/** SPEC §3, for a registry record: its own birth date, else that of the person it is linked to. */
export function registryChildIsSchoolAge(context: ClassifyContext, r: RegistryIx): boolean {
  const { data } = context;
  let birth = birthOf(data.registry[r]!);
  const outcome = data.registryOutcomes[r]!;
  if (!birth && outcome.kind === 'linked') birth = data.household.birth(outcome.link.target);
  return isSchoolAge(birth, context.referenceDay, context.schoolAge);
}

export function isSchoolAgeRecord(context: ClassifyContext, record: SourceRecord): boolean {
  return isSchoolAge(birthOf(record), context.referenceDay, context.schoolAge);
}
