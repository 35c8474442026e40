import { ageOn } from './dates.js';

/**
 * SPEC §3: the school year starts on 1 September; the reference day is 31 August
 * of the year the current school year started (as-of 2026-11-29 → 2026-08-31,
 * as-of 2027-03-01 → 2026-08-31, as-of 2026-08-31 → 2025-08-31).
 */
export function referenceDayFor(asOf: number): number {
  const year = Math.floor(asOf / 10000);
  const month = Math.floor(asOf / 100) % 100;
  const startYear = month >= 9 ? year : year - 1;
  return startYear * 10000 + 831;
}

export interface SchoolAge {
  readonly min: number;
  readonly max: number;
}

/** SPEC §3: age in completed years on the reference day between min and max, inclusive. */
export function isSchoolAge(birthDay: number, referenceDay: number, range: SchoolAge): boolean {
  if (!birthDay) return false;
  const age = ageOn(birthDay, referenceDay);
  return age >= range.min && age <= range.max;
}
