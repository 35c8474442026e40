import { ListsByIndex } from './lists-by-index.js';
import {
  ix,
  type HouseholdIx,
  type Ix,
  type PovertyIx,
  type RegistryIx,
  type RegistryPersonIx,
  type SourceRecord,
  type LinkCounts,
  type RuleCounts,
} from '../domain/index.js';
import { matchAttendance, type AttendanceMatch } from './attendance.js';
import { RecordPeople } from './record-people.js';
import { PeopleIndex, type People } from './people-index.js';
import { linkRecord, type LinkOutcome } from './rules.js';

export interface LinkInputs {
  readonly registry: readonly SourceRecord[];
  /** The household register, in columns (a million people are not a million objects). */
  readonly household: People<HouseholdIx>;
  readonly poverty: readonly SourceRecord[] | null;
  readonly attendance: readonly SourceRecord[] | null;
  /** The attendance file has a school or school_code column. */
  readonly attendanceNamesSchools: boolean;
  /** --county / config prefixes; null: infer them (SPEC §4). */
  readonly county: readonly string[] | null;
}

/**
 * Everything the classifiers read (SPEC §5 is a set of pure functions of this).
 * Three tables of records — the registry (positions: RegistryIx), the household
 * register (HouseholdIx) and the poverty roll (PovertyIx) — what linking found for
 * each record, and the links looked up from either side.
 */
export interface LinkedData {
  /** Registrations, by RegistryIx. */
  readonly registry: readonly SourceRecord[];
  readonly household: People<HouseholdIx>;
  /** Poverty members, by PovertyIx. */
  readonly poverty: readonly SourceRecord[];
  /** By RegistryIx: the registration against the household register. */
  readonly registryOutcomes: readonly LinkOutcome<HouseholdIx>[];
  /** By PovertyIx: the member against the household register. */
  readonly povertyOutcomes: readonly LinkOutcome<HouseholdIx>[];
  /** By PovertyIx, for a member with no household person and no review: against registry persons. */
  readonly povertyRegistryOutcomes: readonly LinkOutcome<RegistryPersonIx>[];
  /** By RegistryPersonIx: the registrations of one person (one group per valid ID, a group of one otherwise). */
  readonly registryPersons: readonly (readonly RegistryIx[])[];
  /** Household person → registrations linked to them (any status). */
  readonly registryByHousehold: ListsByIndex<HouseholdIx, RegistryIx>;
  /** Household person → poverty members linked to them. */
  readonly povertyByHousehold: ListsByIndex<HouseholdIx, PovertyIx>;
  /** Registration → poverty members of the same child (through the household person, or directly). */
  readonly povertyByRegistry: ReadonlyMap<RegistryIx, readonly PovertyIx[]>;
  /**
   * Household people offered as candidates by a review, and everyone sharing a
   * candidate's valid ID (a review lists at most MAX_CANDIDATES): the review decides about them.
   */
  readonly reviewCandidates: { has(person: HouseholdIx): boolean };
  readonly attendance: AttendanceMatch;
  readonly county: { readonly prefixes: readonly string[]; readonly inferred: boolean };
  readonly counts: LinkCounts;
}

export function linkSources(inputs: LinkInputs): LinkedData {
  const { registry, household } = inputs;
  const poverty = inputs.poverty ?? [];
  const householdIndex = new PeopleIndex(household);

  const registryOutcomes = registry.map((record) => linkRecord(record, householdIndex));
  const povertyOutcomes = poverty.map((member) => linkRecord(member, householdIndex));

  // A poverty member with no household person may still link to a registry record.
  const registryPersons = groupRegistryPersons(registry);
  const registryIndex =
    poverty.length > 0
      ? new PeopleIndex(
          new RecordPeople<RegistryPersonIx>(
            registryPersons.map((group) => registry[group[0]!]!),
            household.idKeys,
          ),
        )
      : null;
  const none: LinkOutcome<RegistryPersonIx> = { kind: 'none' };
  const povertyRegistryOutcomes = povertyOutcomes.map((outcome, p) =>
    outcome.kind === 'none' && registryIndex ? linkRecord(poverty[p]!, registryIndex) : none,
  );

  const registryByHousehold = collectTargets<HouseholdIx, RegistryIx>(registryOutcomes, household.length);
  const povertyByHousehold = collectTargets<HouseholdIx, PovertyIx>(povertyOutcomes, household.length);
  const povertyByRegistry = new Map<RegistryIx, PovertyIx[]>();
  const addPoverty = (r: RegistryIx, p: PovertyIx) => {
    const list = povertyByRegistry.get(r);
    if (list) list.push(p);
    else povertyByRegistry.set(r, [p]);
  };
  for (const [h, members] of povertyByHousehold) {
    for (const r of registryByHousehold.get(h) ?? []) for (const p of members) addPoverty(r, p);
  }
  povertyRegistryOutcomes.forEach((outcome, p) => {
    if (outcome.kind === 'linked') for (const r of registryPersons[outcome.link.target]!) addPoverty(r, ix<PovertyIx>(p));
  });

  const reviewed = new Set<HouseholdIx>();
  const reviewedIds = new Set<number>();
  for (const outcome of [...registryOutcomes, ...povertyOutcomes]) {
    if (outcome.kind !== 'review') continue;
    for (const c of outcome.review.candidates) {
      reviewed.add(c.target);
      const key = household.idKey(c.target);
      if (key >= 0) reviewedIds.add(key);
    }
  }
  const reviewCandidates = {
    has: (person: HouseholdIx) => reviewed.has(person) || (reviewedIds.size > 0 && reviewedIds.has(household.idKey(person))),
  };

  return {
    registry,
    household,
    poverty,
    registryOutcomes,
    povertyOutcomes,
    povertyRegistryOutcomes,
    registryPersons,
    registryByHousehold,
    povertyByHousehold,
    povertyByRegistry,
    reviewCandidates,
    attendance: matchAttendance(registry, inputs.attendance, inputs.attendanceNamesSchools),
    county: inputs.county ? { prefixes: inputs.county, inferred: false } : { prefixes: inferCounty(householdIndex), inferred: true },
    counts: {
      registry: countRules(registryOutcomes),
      poverty: countRules(povertyOutcomes),
      poverty_to_registry: countRules(povertyRegistryOutcomes.filter((_, p) => povertyOutcomes[p]!.kind === 'none')),
    },
  };
}

/** SPEC §4: without --county, the most frequent prefix among household IDs. */
function inferCounty(index: PeopleIndex<HouseholdIx>): string[] {
  const counts = new Map<number, number>();
  for (let t = 0; t < index.people.length; t++) {
    const key = index.people.idKey(ix<HouseholdIx>(t));
    if (key < 0) continue;
    const prefix = index.keys.prefixIndexOfKey(key);
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [prefixIndex, count] of counts) {
    const prefix = index.keys.prefixAt(prefixIndex);
    if (count > bestCount || (count === bestCount && best !== null && prefix < best)) [best, bestCount] = [prefix, count];
  }
  return best ? [best] : [];
}

function groupRegistryPersons(registry: readonly SourceRecord[]): RegistryIx[][] {
  const byId = new Map<string, RegistryIx[]>();
  const groups: RegistryIx[][] = [];
  registry.forEach((record, i) => {
    const r = ix<RegistryIx>(i);
    if (record.idState !== 'valid') {
      groups.push([r]);
      return;
    }
    const group = byId.get(record.id);
    if (group) group.push(r);
    else {
      const created = [r];
      byId.set(record.id, created);
      groups.push(created);
    }
  });
  // The person's fields come from an active registration where there is one.
  for (const group of groups) {
    if (group.length > 1)
      group.sort((a, b) => Number(registry[b]!.statusKind === 'active') - Number(registry[a]!.statusKind === 'active') || a - b);
  }
  return groups;
}

/** Target → the records (by their own index, `S`) linked to it. */
function collectTargets<T extends number, S extends Ix<string>>(outcomes: readonly LinkOutcome<T>[], targets: number): ListsByIndex<T, S> {
  const byTarget = new ListsByIndex<T, S>(targets);
  outcomes.forEach((outcome, i) => {
    if (outcome.kind === 'linked') byTarget.add(outcome.link.target, ix<S>(i));
  });
  return byTarget;
}

function countRules(outcomes: readonly LinkOutcome<number>[]): RuleCounts {
  const counts: RuleCounts = { id_exact: 0, id_fuzzy: 0, name_birth: 0, review: 0, unlinked: 0 };
  for (const outcome of outcomes) {
    if (outcome.kind === 'linked') counts[outcome.link.rule]++;
    else if (outcome.kind === 'review') counts.review++;
    else counts.unlinked++;
  }
  return counts;
}
