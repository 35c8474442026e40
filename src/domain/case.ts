import type { Difference, Evidence, LinkRule } from './evidence.js';
import type { SourceName } from './fields.js';
import type { IdNote } from './record.js';

// SPEC §5: cases are data (STYLE 2), a union keyed by category with the reason
// codes of each category as string literal types.

export const REASONS_BY_CATEGORY = {
  enrolled_absent: ['poverty_out_of_school', 'not_checked_in', 'registry_dropout'],
  unregistered_school_age: ['no_registry_record', 'no_active_registration'],
  missing_id: ['id_empty', 'id_malformed', 'id_bad_region', 'id_bad_date', 'id_bad_checksum', 'id_differs', 'no_household_record'],
  empty_registration: ['id_not_in_household', 'person_deceased', 'duplicate_registration'],
  identity_mismatch: ['name_differs', 'gender_differs', 'birth_date_differs'],
  review: ['ambiguous_match', 'weak_match'],
} as const;

export type Category = keyof typeof REASONS_BY_CATEGORY;
export const CATEGORIES = Object.keys(REASONS_BY_CATEGORY) as Category[];
export type ReasonOf<C extends Category> = (typeof REASONS_BY_CATEGORY)[C][number];
export type Reason = ReasonOf<Category>;
export type ReviewReason = ReasonOf<'review'>;
export const REASONS = CATEGORIES.flatMap((category) => REASONS_BY_CATEGORY[category]) as Reason[];

/** Focus groups of the county notice (section 十一) and the stage it watches most. */
export const FLAGS = ['poverty', 'disabled', 'left_behind', 'migrant', 'parent_incarcerated', 'junior_middle'] as const;
export type Flag = (typeof FLAGS)[number];

export interface CasePerson {
  readonly name: string;
  readonly id_number: string;
  /** "male", "female" or null */
  readonly gender: 'male' | 'female' | null;
  /** YYYY-MM-DD or null */
  readonly birth_date: string | null;
}

export interface CaseRecord {
  readonly source: SourceName;
  /** Spreadsheet row: the header is row 1. */
  readonly row: number;
  readonly id_number: string;
  readonly name: string;
}

export interface CaseCandidate extends CaseRecord {
  readonly gender: 'male' | 'female' | null;
  readonly birth_date: string | null;
  readonly township: string;
  readonly village: string;
  readonly household_no: string;
  /** How the candidate compares with the record, field by field. */
  readonly evidence: Evidence;
}

export interface CaseMatch {
  readonly rule: LinkRule;
  readonly evidence: Evidence;
}

/**
 * SPEC §11: whether the household register names the child's guardians.
 * `no_household`: the child is in no household (or has no 户号); `no_living_adult`:
 * nobody in the household is a living adult; `not_determined`: living adults live
 * there, but none is the child's guardian by 与户主关系 (a child who is the head,
 * a 子 whose head and spouse are dead or gone).
 */
export const GUARDIAN_STATUSES = ['found', 'no_household', 'no_living_adult', 'not_determined'] as const;
export type GuardianStatus = (typeof GUARDIAN_STATUSES)[number];

export interface CaseGuardians {
  readonly status: GuardianStatus;
  /** Names as the household register writes them, head of household first. */
  readonly names: readonly string[];
  readonly household_no: string;
  readonly village: string;
}

interface CaseFields<C extends Category> {
  readonly case_id: string;
  readonly category: C;
  readonly reasons: readonly ReasonOf<C>[];
  readonly flags: readonly Flag[];
  readonly township: string;
  readonly school: string;
  // What a clerk needs to find the child (issue #9: classify hands report a complete case).
  readonly village: string;
  readonly grade: string;
  readonly class: string;
  readonly student_no: string;
  readonly household_no: string;
  readonly id_note: IdNote;
  readonly person: CasePerson;
  readonly records: readonly CaseRecord[];
  readonly suggested_id: string | null;
  readonly candidates: readonly CaseCandidate[];
  readonly match: CaseMatch | null;
  /** Fields where the registration and the linked household person differ, both values as written. */
  readonly differences: readonly Difference[];
  /** SPEC §11: who the notice goes to, from the household register. */
  readonly guardians: CaseGuardians;
}

export type Case = { [C in Category]: CaseFields<C> }[Category];
