import type { SourceName } from './fields.js';

/** SPEC §2: the states of an ID number, in the order they are tested. */
export const ID_STATES = ['valid', 'empty', 'malformed', 'bad_region', 'bad_date', 'bad_checksum', 'other_document'] as const;
export type IdState = (typeof ID_STATES)[number];

export type Gender = 'M' | 'F';

/** What a status text means for its source (SPEC §2 "Statuses"). */
export type StatusKind =
  | 'active'
  | 'dropout'
  | 'left'
  | 'living'
  | 'deceased'
  | 'gone'
  | 'unknown';

/** Focus-group flags carried by yes/no fields (SPEC §2, §5). */
export const FLAG_BITS = {
  disabled: 1,
  left_behind: 2,
  migrant: 4,
  parent_incarcerated: 8,
} as const;
export type FlagField = keyof typeof FLAG_BITS;

/**
 * One accepted input row, reduced to the fields the rules use. One class for every
 * source keeps the objects one shape (fast property access, small memory at a
 * million rows); fields a source does not have stay empty.
 */
export class SourceRecord {
  /** Normalised ID (SPEC §2); 18 characters when well formed, '' when empty. */
  id = '';
  idState: IdState = 'empty';
  /** Why a malformed ID is malformed when the digits were lost in a spreadsheet. */
  idNote = '';
  /** A valid ID packed into a number (see link/id-key.ts); -1 when not valid. */
  idKey = -1;
  /** yyyymmdd implied by a valid ID, else 0. */
  idBirth = 0;
  idGender: Gender | null = null;

  /** Normalised name (SPEC §2) and the name as written. */
  name = '';
  nameRaw = '';
  /** Stated gender and birth date (yyyymmdd, 0 = none). */
  gender: Gender | null = null;
  birthDate = 0;

  status = '';
  statusKind: StatusKind = 'unknown';
  township = '';
  village = '';
  householdNo = '';
  relation = '';
  studentNo = '';
  school = '';
  schoolCode = '';
  grade = '';
  className = '';
  /** Grade 7–9 (初中). */
  juniorMiddle = false;
  /** Poverty roll: 在校生状况 says out of school, or 是否失学辍学 is yes. */
  outOfSchool = false;
  /** FLAG_BITS of the yes/no fields. */
  flags = 0;

  constructor(
    readonly source: SourceName,
    /** Spreadsheet row number: the header is row 1 (SPEC §7). */
    readonly row: number,
  ) {}
}

/** SPEC §3: the birth date comes from the valid ID where there is one, else the field. */
export function birthOf(record: SourceRecord): number {
  return record.idBirth || record.birthDate;
}

/** The stated gender, else the one a valid ID implies. */
export function genderOf(record: SourceRecord): Gender | null {
  return record.gender ?? record.idGender;
}

export function hasUsableId(record: SourceRecord): boolean {
  return record.idState === 'valid';
}
