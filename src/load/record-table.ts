import { packedGender, packedIdState, packedStatusKind, SourceRecord, type Gender, type IdState, type SourceName, type StatusKind } from '../domain/index.js';
import { birthOfKey, detach, IdKeyTable } from '../normalize/index.js';

type SchoolFields = Pick<SourceRecord, 'studentNo' | 'school' | 'schoolCode' | 'grade' | 'className'>;

/**
 * One source's accepted rows. The household register, a million rows at county
 * scale, is kept in columns: typed arrays for the numbers, one array per text
 * field, and a valid ID as its packed key instead of a string; a million people are
 * then a few dozen large arrays, not a million objects for the garbage collector
 * to copy and walk (docs/PERFORMANCE.md). The smaller sources keep their records.
 * Either way `at(i)` gives row i as a SourceRecord, and the column reads below serve
 * the loops over every row.
 */
export class RecordTable {
  private count = 0;
  private keys: Float64Array;
  /** The records themselves, when the table is not compact. */
  private readonly kept: SourceRecord[] | null;
  // The columns of a compact table.
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

  constructor(
    readonly source: SourceName,
    readonly idKeys: IdKeyTable,
    options: { compact?: boolean; capacity?: number } = {},
  ) {
    const capacity = options.capacity ?? 1024;
    this.keys = new Float64Array(capacity);
    this.kept = options.compact ? null : [];
    const columns = options.compact ? capacity : 0;
    this.rows = new Int32Array(columns);
    this.packed = new Int32Array(columns);
    this.birthDates = new Int32Array(columns);
  }

  /** A table of records built elsewhere (tests, short lists). */
  static of(source: SourceName, records: readonly SourceRecord[], idKeys = new IdKeyTable(), compact = true): RecordTable {
    const table = new RecordTable(source, idKeys, { compact, capacity: Math.max(16, records.length) });
    for (const record of records) table.push(record);
    return table;
  }

  get length(): number {
    return this.count;
  }

  /** Kept in columns (the records pushed are copied, not kept). */
  get compact(): boolean {
    return this.kept === null;
  }

  push(record: SourceRecord): void {
    if (this.count === this.keys.length) this.grow();
    const i = this.count++;
    this.keys[i] = record.idState === 'valid' ? this.idKeys.register(record.id) : -1;
    if (this.kept) {
      // The ID was sliced out of a large chunk of the file: keep a copy of its own.
      record.id = detach(record.id);
      this.kept.push(record);
      return;
    }
    this.rows[i] = record.row;
    this.packed[i] = record.packed;
    this.birthDates[i] = record.birthDate;
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

  /** Row i as a record; a compact table makes a new object each time (compare records by source and row). */
  at(i: number): SourceRecord {
    if (this.kept) return this.kept[i]!;
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
    return record;
  }

  /** Every row as a record. */
  toRecords(): SourceRecord[] {
    return this.kept ? this.kept.slice() : Array.from({ length: this.count }, (_, i) => this.at(i));
  }

  // Column reads for the loops over every row and the rules' comparisons, without making a record.

  /** The packed key of row i's valid ID, or -1. */
  idKey(i: number): number {
    return this.keys[i]!;
  }

  idState(i: number): IdState {
    return this.kept ? this.kept[i]!.idState : packedIdState(this.packed[i]!);
  }

  statusKind(i: number): StatusKind {
    return this.kept ? this.kept[i]!.statusKind : packedStatusKind(this.packed[i]!);
  }

  /** SPEC §3: the birth date of a valid ID, else the stated one. */
  birth(i: number): number {
    const key = this.keys[i]!;
    if (key >= 0) return birthOfKey(key);
    return this.kept ? this.kept[i]!.birthDate : this.birthDates[i]!;
  }

  /** The stated gender, else the one a valid ID implies. */
  gender(i: number): Gender | null {
    return packedGender(this.kept ? this.kept[i]!.packed : this.packed[i]!);
  }

  name(i: number): string {
    return this.kept ? this.kept[i]!.name : this.names[i]!;
  }

  township(i: number): string {
    return this.kept ? this.kept[i]!.township : this.townships[i]!;
  }

  householdNo(i: number): string {
    return this.kept ? this.kept[i]!.householdNo : this.householdNos[i]!;
  }

  relation(i: number): string {
    return this.kept ? this.kept[i]!.relation : this.relations[i]!;
  }

  private grow(): void {
    const grown = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T) => {
      const array = make(Math.max(16, old.length * 2));
      array.set(old);
      return array;
    };
    this.keys = grown(this.keys, (n) => new Float64Array(n));
    if (this.kept) return;
    this.rows = grown(this.rows, (n) => new Int32Array(n));
    this.packed = grown(this.packed, (n) => new Int32Array(n));
    this.birthDates = grown(this.birthDates, (n) => new Int32Array(n));
  }
}
