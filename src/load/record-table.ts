import {
  birthFrom,
  packedGender,
  packedIdState,
  packedStatusKind,
  SourceRecord,
  statedBirthFrom,
  type Gender,
  type IdState,
  type SourceName,
  type StatusKind,
} from '../domain/index.js';
import { birthOfKey, detach, IdKeyTable } from '../normalize/index.js';

type SchoolFields = Pick<SourceRecord, 'studentNo' | 'school' | 'schoolCode' | 'grade' | 'className'>;

/**
 * One source's accepted rows, in columns: typed arrays for the numbers, one array
 * per text field, and a valid ID as its packed key instead of a string. A million
 * household people are then a few dozen large arrays, not a million objects for the
 * garbage collector to copy and walk (docs/PERFORMANCE.md). It implements `People`
 * (src/link): the loops over every row read columns; `at(i)` makes a record only for
 * the rows a rule or a case looks at, once per row (the same object every time).
 */
export class RecordTable {
  private count = 0;
  private keys: Float64Array;
  private rows: Int32Array;
  private packed: Int32Array;
  private birthDates: Int32Array;
  private readonly names: string[] = [];
  private readonly townships: string[] = [];
  private readonly villages: string[] = [];
  private readonly householdNos: string[] = [];
  /** 与户主关系: interned, a few distinct values (SPEC §11 guardians). */
  private readonly relations: string[] = [];
  /** Rarer values, by row: names as written where they differ, IDs that are not valid. */
  private readonly rawNames = new Map<number, string>();
  private readonly otherIds = new Map<number, string>();
  /** Fields the household register does not have (school, grade …), by row, where present. */
  private readonly schoolFields = new Map<number, SchoolFields>();
  /** Records made by at(), so that a row is one object however often it is asked for. */
  private made: (SourceRecord | undefined)[] = [];

  constructor(
    readonly source: SourceName,
    /** The key table every source's valid IDs are packed with. */
    readonly idKeys: IdKeyTable,
    options: { capacity?: number } = {},
  ) {
    const capacity = options.capacity ?? 1024;
    this.keys = new Float64Array(capacity);
    this.rows = new Int32Array(capacity);
    this.packed = new Int32Array(capacity);
    this.birthDates = new Int32Array(capacity);
  }

  /** A table of records built elsewhere (tests, registry persons). */
  static of(source: SourceName, records: readonly SourceRecord[], idKeys = new IdKeyTable()): RecordTable {
    const table = new RecordTable(source, idKeys, { capacity: Math.max(16, records.length) });
    for (const record of records) table.push(record);
    return table;
  }

  get length(): number {
    return this.count;
  }

  /** Copies what the record holds; the record itself is not kept (the loader reuses one). */
  push(record: SourceRecord): void {
    if (this.count === this.keys.length) this.grow();
    const i = this.count++;
    this.keys[i] = record.idState === 'valid' ? this.idKeys.register(record.id) : -1;
    this.rows[i] = record.row;
    this.packed[i] = record.packed;
    this.birthDates[i] = record.birthDate;
    // The ID was sliced out of a large chunk of the file: keep a copy of its own.
    if (record.idState !== 'valid' && record.id) this.otherIds.set(i, detach(record.id));
    this.names.push(record.name);
    if (record.nameRaw !== record.name) this.rawNames.set(i, record.nameRaw);
    this.townships.push(record.township);
    this.villages.push(record.village);
    this.householdNos.push(record.householdNo);
    this.relations.push(record.relation);
    if (record.studentNo || record.school || record.schoolCode || record.grade || record.className) {
      const { studentNo, school, schoolCode, grade, className } = record;
      this.schoolFields.set(i, { studentNo, school, schoolCode, grade, className });
    }
  }

  /** Row i as a record, made on first use. */
  at(i: number): SourceRecord {
    const made = this.made[i];
    if (made) return made;
    const record = new SourceRecord(this.source, this.rows[i]!);
    record.packed = this.packed[i]!;
    const key = this.keys[i]!;
    if (key >= 0) {
      record.id = this.idKeys.idOf(key);
      record.idBirth = birthOfKey(key);
    } else {
      record.id = this.otherIds.get(i) ?? '';
    }
    record.birthDate = this.birthDates[i]!;
    record.name = this.names[i]!;
    record.nameRaw = this.rawNames.get(i) ?? record.name;
    record.township = this.townships[i]!;
    record.village = this.villages[i]!;
    record.householdNo = this.householdNos[i]!;
    record.relation = this.relations[i]!;
    const school = this.schoolFields.get(i);
    if (school) Object.assign(record, school);
    this.made[i] = record;
    return record;
  }

  /** Every row as a record (the smaller sources, whose rules read whole records). */
  toRecords(): SourceRecord[] {
    return Array.from({ length: this.count }, (_, i) => this.at(i));
  }

  // Column reads for the loops over every row and the rules' comparisons, without making a record.

  /** The packed key of row i's valid ID, or -1. */
  idKey(i: number): number {
    return this.keys[i]!;
  }

  idState(i: number): IdState {
    return packedIdState(this.packed[i]!);
  }

  statusKind(i: number): StatusKind {
    return packedStatusKind(this.packed[i]!);
  }

  /** SPEC §3: the birth date of a valid ID, else the stated one. */
  birth(i: number): number {
    return birthFrom(this.idBirth(i), this.birthDates[i]!);
  }

  /** The stated birth date, else the one a valid ID implies. */
  statedBirth(i: number): number {
    return statedBirthFrom(this.idBirth(i), this.birthDates[i]!);
  }

  /** The stated gender, else the one a valid ID implies. */
  gender(i: number): Gender | null {
    return packedGender(this.packed[i]!);
  }

  name(i: number): string {
    return this.names[i]!;
  }

  township(i: number): string {
    return this.townships[i]!;
  }

  private idBirth(i: number): number {
    const key = this.keys[i]!;
    return key >= 0 ? birthOfKey(key) : 0;
  }

  householdNo(i: number): string {
    return this.householdNos[i]!;
  }

  relation(i: number): string {
    return this.relations[i]!;
  }

  private grow(): void {
    const grown = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T) => {
      const array = make(Math.max(16, old.length * 2));
      array.set(old);
      return array;
    };
    this.keys = grown(this.keys, (n) => new Float64Array(n));
    this.rows = grown(this.rows, (n) => new Int32Array(n));
    this.packed = grown(this.packed, (n) => new Int32Array(n));
    this.birthDates = grown(this.birthDates, (n) => new Int32Array(n));
  }
}
