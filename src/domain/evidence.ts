// SPEC §4 and §7: every link records which rule made it and, field by field, how
// the record compared with the person (STYLE 13: evidence is data until report/
// renders it in 中文 or English). One definition of the rule names and levels.

export const LINK_RULES = ['id_exact', 'id_fuzzy', 'name_birth'] as const;
export type LinkRule = (typeof LINK_RULES)[number];

/** The fields a link compares, in the order a clerk reads them. */
export const EVIDENCE_FIELDS = ['id_number', 'name', 'gender', 'birth_date', 'township'] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

/**
 * How two ID numbers compare: equal, one of the differences `id_fuzzy` allows
 * (with the 1-based positions that differ), or not compared (name_birth: no
 * usable ID on one side).
 */
export type IdLevel = 'equal' | 'one_substitution' | 'transposition' | 'two_substitutions' | 'not_compared';
export interface IdComparison {
  readonly level: IdLevel;
  readonly positions?: readonly number[];
}

/** How any other field compares; `missing`: one side has no value (no difference). */
export type FieldLevel = 'equal' | 'sound_alike' | 'differs' | 'missing';
export interface FieldComparison {
  readonly level: FieldLevel;
}

export interface Evidence {
  readonly id_number: IdComparison;
  readonly name: FieldComparison;
  readonly gender: FieldComparison;
  readonly birth_date: FieldComparison;
  readonly township: FieldComparison;
}

/** The fields that can differ between a registration and the household register (SPEC §5, §7). */
export const DIFFERENCE_FIELDS = ['id_number', 'name', 'gender', 'birth_date'] as const;
export type DifferenceField = (typeof DIFFERENCE_FIELDS)[number];

/** SPEC §7 `differences`: both values as written, side by side. */
export interface Difference {
  readonly field: DifferenceField;
  readonly registry: string | null;
  readonly household: string | null;
}

/** True when the evidence shows a difference in `field` (sound-alike names are different names). */
export function differsIn(evidence: Evidence, field: DifferenceField): boolean {
  if (field === 'id_number') return evidence.id_number.level !== 'equal' && evidence.id_number.level !== 'not_compared';
  const level = evidence[field].level;
  return level === 'differs' || level === 'sound_alike';
}
