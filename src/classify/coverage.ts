import type { SchoolWithoutRoster, TownshipPopulation } from '../domain/index.js';
import type { ClassifyContext } from './finding.js';

/** A school with active registrations that the check-in roster does not cover. */
/** What the cases do not show by themselves: what could not be checked, and out of how many. */
export interface Coverage {
  /** null when no roster was given (then no school was checked). */
  readonly schoolsWithoutRoster: readonly SchoolWithoutRoster[] | null;
  readonly populationByTownship: Readonly<Record<string, TownshipPopulation>>;
}

/**
 * SPEC §7: the schools whose `not_checked_in` could not be checked (registrations,
 * but no row in the roster), and per township the living school-age people of the
 * household register with how many of them have an active registration linked to
 * them (docs/DECISIONS.md "Reports and language").
 */
export function describeCoverage(context: ClassifyContext): Coverage {
  return { schoolsWithoutRoster: schoolsWithoutRoster(context), populationByTownship: populationByTownship(context) };
}

function schoolsWithoutRoster({ data }: ClassifyContext): SchoolWithoutRoster[] | null {
  if (!data.attendance.present) return null;
  const schools = new Map<string, { school: string; school_code: string; active_registrations: number }>();
  for (const record of data.registry) {
    if (record.statusKind !== 'active' || data.attendance.covers(record)) continue;
    const key = `${record.schoolCode}\u0000${record.school}`;
    const found = schools.get(key);
    if (found) found.active_registrations++;
    else schools.set(key, { school: record.school, school_code: record.schoolCode, active_registrations: 1 });
  }
  return [...schools.values()].sort((a, b) => compare(a.school, b.school) || compare(a.school_code, b.school_code));
}

function populationByTownship({ data, schoolAgeHousehold }: ClassifyContext): Record<string, TownshipPopulation> {
  const counts = new Map<string, { school_age: number; with_active_registration: number }>();
  const { household } = data;
  for (const h of schoolAgeHousehold) {
    const township = household.township(h);
    let entry = counts.get(township);
    if (!entry) counts.set(township, (entry = { school_age: 0, with_active_registration: 0 }));
    entry.school_age++;
    if ((data.registryByHousehold.get(h) ?? []).some((r) => data.registry[r]!.statusKind === 'active')) entry.with_active_registration++;
  }
  return Object.fromEntries([...counts].sort((a, b) => compare(a[0], b[0])));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
