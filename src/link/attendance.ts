import type { SourceRecord } from '../domain/index.js';

/** What the check-in roster says about the registry (SPEC §4, §5 `not_checked_in`). */
export interface AttendanceMatch {
  /** A roster was given. */
  readonly present: boolean;
  /** Per registry record: 1 when an attendance row matched it. */
  readonly checkedIn: Uint8Array;
  readonly matchedByStudentNo: number;
  readonly matchedById: number;
  readonly unmatched: number;
  /** Whether a registry record's school is one the roster covers. */
  covers(record: SourceRecord): boolean;
}

/**
 * SPEC §4: an attendance row matches a registry record by student number where
 * both have one, else by equal valid ID. (Decision: a row whose student number
 * finds no record still tries its ID; a false "not checked in" costs a home visit.)
 */
export function matchAttendance(
  registry: readonly SourceRecord[],
  attendance: readonly SourceRecord[] | null,
  rosterNamesSchools: boolean,
): AttendanceMatch {
  const checkedIn = new Uint8Array(registry.length);
  if (!attendance) {
    return { present: false, checkedIn, matchedByStudentNo: 0, matchedById: 0, unmatched: 0, covers: () => false };
  }
  const byStudentNo = groupBy(registry, (record) => record.studentNo);
  // Built when a row first needs it: most rosters match every row by student number.
  let ids: Map<string, number | number[]> | null = null;
  const byId = () => (ids ??= groupBy(registry, (record) => (record.idState === 'valid' ? record.id : '')));
  let matchedByStudentNo = 0;
  let matchedById = 0;
  let unmatched = 0;
  const matchedSchools: SourceRecord[] = [];
  for (const row of attendance) {
    let found = row.studentNo ? listOf(byStudentNo.get(row.studentNo)) : undefined;
    if (found) matchedByStudentNo++;
    else if (row.idState === 'valid' && (found = listOf(byId().get(row.id)))) matchedById++;
    else {
      unmatched++;
      continue;
    }
    for (const r of found) {
      checkedIn[r] = 1;
      matchedSchools.push(registry[r]!);
    }
  }
  // Which schools the roster covers: named on its rows or, when it names no
  // school at all, the schools of the students it matched (docs/DECISIONS.md).
  const schools = rosterNamesSchools ? attendance : matchedSchools;
  const codes = new Set<string>();
  const namesWithoutCode = new Set<string>();
  const names = new Set<string>();
  for (const row of schools) {
    if (row.schoolCode) codes.add(row.schoolCode);
    if (row.school) {
      names.add(row.school);
      if (!row.schoolCode) namesWithoutCode.add(row.school);
    }
  }
  // Same school_code where both have one, else the same school name.
  const covers = (record: SourceRecord): boolean =>
    (record.schoolCode !== '' && codes.has(record.schoolCode)) ||
    (record.school !== '' && (record.schoolCode !== '' ? namesWithoutCode.has(record.school) : names.has(record.school)));
  return { present: true, checkedIn, matchedByStudentNo, matchedById, unmatched, covers };
}

function groupBy(records: readonly SourceRecord[], keyOf: (record: SourceRecord) => string): Map<string, number | number[]> {
  const groups = new Map<string, number | number[]>();
  for (let r = 0; r < records.length; r++) {
    const key = keyOf(records[r]!);
    if (!key) continue;
    const found = groups.get(key);
    if (found === undefined) groups.set(key, r);
    else if (typeof found === 'number') groups.set(key, [found, r]);
    else found.push(r);
  }
  return groups;
}

function listOf(found: number | number[] | undefined): readonly number[] | undefined {
  return typeof found === 'number' ? [found] : found;
}
