import type { SourceName } from './fields.js';

/** SPEC §2: the states of an ID number, in the order they are tested. */
export const ID_STATES = ['valid', 'empty', 'malformed', 'bad_region', 'bad_date', 'bad_checksum', 'other_document'] as const;
export type IdState = (typeof ID_STATES)[number];

export type Gender = 'M' | 'F';

/** What a status text means for its source (SPEC §2 "Statuses"). */
export type StatusKind = 'active' | 'dropout' | 'left' | 'living' | 'deceased' | 'gone' | 'unknown';

/**
 * Within the registry's *left* list (SPEC §2, §5): an approved suspension (休学,
 * 保留学籍), a completion of compulsory education (毕业/结业 on grades 7–9), or any
 * other way of leaving (转出, 小升初 毕业 on grade 6, 其他离校 …).
 */
export type RegistryExit = 'other' | 'suspended' | 'completed';
const EXITS: readonly RegistryExit[] = ['other', 'suspended', 'completed'];

/** Focus-group flags carried by yes/no fields (SPEC §2, §5). */
export const FLAG_BITS = {
  disabled: 1,
  left_behind: 2,
  migrant: 4,
  parent_incarcerated: 8,
} as const;
export type FlagField = keyof typeof FLAG_BITS;

const ID_NOTES = ['', 'numeric_cell', 'scientific_notation'] as const;
export type IdNote = (typeof ID_NOTES)[number];
export const STATUS_KINDS: readonly StatusKind[] = ['unknown', 'active', 'dropout', 'left', 'living', 'deceased', 'gone'];
const GENDERS: readonly (Gender | null)[] = [null, 'M', 'F'];

/** Reads one small field out of SourceRecord.packed (for RecordTable's column accessors). */
export function packedIdState(packed: number): IdState {
  return ID_STATES[packed & 0b111]!;
}
export function packedStatusKind(packed: number): StatusKind {
  return STATUS_KINDS[(packed >> STATUS_KIND) & 0b111]!;
}
/** The stated gender, else the one a valid ID implies (genderOf, from the packed fields). */
export function packedGender(packed: number): Gender | null {
  return genderFrom(GENDERS[(packed >> GENDER) & 0b11]!, GENDERS[(packed >> ID_GENDER) & 0b11]!);
}

/** FLAG_BITS of the yes/no fields, from the packed fields. */
export function packedFlags(packed: number): number {
  return (packed >> FLAGS) & 0b1111;
}

// Where the small fields live in SourceRecord.bits. A million records are kept
// while linking, and Node's pointers are 8 bytes: one number instead of eight
// fields saves about 56 bytes a record (docs/PERFORMANCE.md).
const ID_STATE = 0; // 3 bits
const ID_NOTE = 3; // 2 bits
const ID_GENDER = 5; // 2 bits
const GENDER = 7; // 2 bits
const STATUS_KIND = 9; // 3 bits
const JUNIOR_MIDDLE = 12; // 1 bit
const OUT_OF_SCHOOL = 13; // 1 bit
const FLAGS = 14; // 4 bits
const EXIT = 18; // 2 bits

/**
 * One accepted input row, reduced to the fields the rules use. One class for every
 * source keeps the objects one shape (fast property access); fields a source does
 * not have stay empty.
 */
export class SourceRecord {
  /** Normalised ID (SPEC §2); 18 characters when well formed, '' when empty. */
  id = '';
  /** yyyymmdd implied by a valid ID, else 0. */
  idBirth = 0;
  /** Normalised name (SPEC §2) and the name as written. */
  name = '';
  nameRaw = '';
  /** Stated birth date (yyyymmdd, 0 = none). */
  birthDate = 0;
  township = '';
  village = '';
  householdNo = '';
  /** 与户主关系 as written (household register; SPEC §11 guardians). */
  relation = '';
  studentNo = '';
  school = '';
  schoolCode = '';
  grade = '';
  className = '';
  private bits = 0;

  constructor(
    readonly source: SourceName,
    /** Spreadsheet row number: the header is row 1 (SPEC §7). */
    public row: number,
  ) {}

  /** Empties the record for row `row`: the loader reuses one record for the rows it keeps in columns. */
  clear(row: number): this {
    this.row = row;
    this.id = '';
    this.idBirth = 0;
    this.name = '';
    this.nameRaw = '';
    this.birthDate = 0;
    this.township = '';
    this.village = '';
    this.householdNo = '';
    this.relation = '';
    this.studentNo = '';
    this.school = '';
    this.schoolCode = '';
    this.grade = '';
    this.className = '';
    this.bits = 0;
    return this;
  }

  get idState(): IdState {
    return ID_STATES[(this.bits >> ID_STATE) & 0b111]!;
  }
  set idState(value: IdState) {
    this.pack(ID_STATE, 0b111, ID_STATES.indexOf(value));
  }
  /** Why a malformed ID is malformed when a spreadsheet lost its digits. */
  get idNote(): IdNote {
    return ID_NOTES[(this.bits >> ID_NOTE) & 0b11]!;
  }
  set idNote(value: IdNote) {
    this.pack(ID_NOTE, 0b11, ID_NOTES.indexOf(value));
  }
  /** The gender a valid ID implies. */
  get idGender(): Gender | null {
    return GENDERS[(this.bits >> ID_GENDER) & 0b11]!;
  }
  set idGender(value: Gender | null) {
    this.pack(ID_GENDER, 0b11, GENDERS.indexOf(value));
  }
  /** The stated gender. */
  get gender(): Gender | null {
    return GENDERS[(this.bits >> GENDER) & 0b11]!;
  }
  set gender(value: Gender | null) {
    this.pack(GENDER, 0b11, GENDERS.indexOf(value));
  }
  get statusKind(): StatusKind {
    return STATUS_KINDS[(this.bits >> STATUS_KIND) & 0b111]!;
  }
  set statusKind(value: StatusKind) {
    this.pack(STATUS_KIND, 0b111, STATUS_KINDS.indexOf(value));
  }
  /** Grade 7–9 (初中). */
  get juniorMiddle(): boolean {
    return ((this.bits >> JUNIOR_MIDDLE) & 1) === 1;
  }
  set juniorMiddle(value: boolean) {
    this.pack(JUNIOR_MIDDLE, 1, value ? 1 : 0);
  }
  /** Poverty roll: 在校生状况 says out of school, or 是否失学辍学 is yes. */
  get outOfSchool(): boolean {
    return ((this.bits >> OUT_OF_SCHOOL) & 1) === 1;
  }
  set outOfSchool(value: boolean) {
    this.pack(OUT_OF_SCHOOL, 1, value ? 1 : 0);
  }
  /** How a registration whose status is in the *left* list left ('other' for every other status). */
  get exit(): RegistryExit {
    return EXITS[(this.bits >> EXIT) & 0b11]!;
  }
  set exit(value: RegistryExit) {
    this.pack(EXIT, 0b11, EXITS.indexOf(value));
  }
  /** FLAG_BITS of the yes/no fields. */
  get flags(): number {
    return (this.bits >> FLAGS) & 0b1111;
  }
  set flags(value: number) {
    this.pack(FLAGS, 0b1111, value);
  }

  /** All the small fields as one number, for RecordTable's columns. */
  get packed(): number {
    return this.bits;
  }
  set packed(value: number) {
    this.bits = value;
  }

  private pack(shift: number, mask: number, code: number): void {
    this.bits = (this.bits & ~(mask << shift)) | ((code & mask) << shift);
  }
}

// The fallbacks between what a row states and what its valid ID implies, in one
// place: every reader of records and of the column store goes through these.

/** SPEC §3: the birth date comes from the valid ID where there is one, else the field (yyyymmdd, 0 = none). */
export function birthFrom(idBirth: number, statedBirth: number): number {
  return idBirth || statedBirth;
}

/**
 * The birth date a row states, else the one its valid ID implies: what a clerk
 * compares between two exports (identity_mismatch and a link's evidence).
 */
export function statedBirthFrom(idBirth: number, statedBirth: number): number {
  return statedBirth || idBirth;
}

/** The stated gender, else the one a valid ID implies. */
export function genderFrom(stated: Gender | null, implied: Gender | null): Gender | null {
  return stated ?? implied;
}

export function birthOf(record: SourceRecord): number {
  return birthFrom(record.idBirth, record.birthDate);
}

export function statedBirthOf(record: SourceRecord): number {
  return statedBirthFrom(record.idBirth, record.birthDate);
}

export function genderOf(record: SourceRecord): Gender | null {
  return genderFrom(record.gender, record.idGender);
}
