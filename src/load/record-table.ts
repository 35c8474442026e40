import {
  birthFrom,
  packedFlags,
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
const SCHOOL_FIELDS = ['studentNo', 'school', 'schoolCode', 'grade', 'className'] as const;

/** A column of texts as each distinct text once and, per row, which one: sent between threads cheaply. */
interface TextColumn {
  readonly values: string[];
  readonly index: Int32Array;
}

/**
 * A table as plain data a worker thread can post (load/side-loader.ts): the typed
 * arrays are transferred, not copied; the keys are read with `prefixes`, the
 * sending thread's key table.
 */
export interface TableColumns {
  readonly source: SourceName;
  readonly count: number;
  readonly prefixes: readonly string[];
  readonly keys: Float64Array;
  readonly rows: Int32Array;
  readonly packed: Int32Array;
  readonly birthDates: Int32Array;
  readonly idBirths: Int32Array;
  readonly texts: Record<'names' | 'townships' | 'villages' | 'householdNos' | 'relations', TextColumn>;
  readonly rawNames: [number, string][];
  readonly otherIds: [number, string][];
  readonly schoolRows: Int32Array;
  readonly school: Record<(typeof SCHOOL_FIELDS)[number], TextColumn>;
  readonly idTexts: TextColumn | null;
}

function textColumn(texts: readonly string[]): TextColumn {
  const seen = new Map<string, number>();
  const values: string[] = [];
  const index = new Int32Array(texts.length);
  texts.forEach((text, i) => {
    let at = seen.get(text);
    if (at === undefined) {
      at = values.push(text) - 1;
      seen.set(text, at);
    }
    index[i] = at;
  });
  return { values, index };
}

function texts({ values, index }: TextColumn): string[] {
  return Array.from(index, (at) => values[at]!);
}

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
  /** The birth date a valid ID implies (0: none), kept so that birth() is a read, not key arithmetic. */
  private idBirths: Int32Array;
  private names: string[] = [];
  private townships: string[] = [];
  private villages: string[] = [];
  private householdNos: string[] = [];
  /** 与户主关系: interned, a few distinct values (SPEC §11 guardians). */
  private relations: string[] = [];
  /** Rarer values, by row: names as written where they differ, IDs that are not valid. */
  private readonly rawNames = new Map<number, string>();
  private readonly otherIds = new Map<number, string>();
  /** Fields the household register does not have (school, grade …), by row, where present. */
  private readonly schoolFields = new Map<number, SchoolFields>();
  /**
   * The valid IDs as text, for the smaller sources (registry, poverty roll, roster):
   * their records are all made for linking, and a text kept is cheaper than one
   * rebuilt from the key each time. Null for the household register (a million strings).
   */
  private idTexts: string[] | null;
  /** Records made by at(), so that a row is one object however often it is asked for. */
  private made: (SourceRecord | undefined)[] = [];

  constructor(
    readonly source: SourceName,
    /** The key table every source's valid IDs are packed with. */
    readonly idKeys: IdKeyTable,
    options: { capacity?: number; idTexts?: boolean } = {},
  ) {
    const capacity = options.capacity ?? 1024;
    this.idTexts = options.idTexts ? [] : null;
    this.keys = new Float64Array(capacity);
    this.rows = new Int32Array(capacity);
    this.packed = new Int32Array(capacity);
    this.birthDates = new Int32Array(capacity);
    this.idBirths = new Int32Array(capacity);
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

  /** The table as plain data for another thread, and the buffers to transfer with it. */
  toColumns(): { columns: TableColumns; transfer: ArrayBuffer[] } {
    const n = this.count;
    const schoolRows = Int32Array.from(this.schoolFields.keys());
    const fields = [...this.schoolFields.values()];
    const school = Object.fromEntries(SCHOOL_FIELDS.map((field) => [field, textColumn(fields.map((f) => f[field]))]));
    const columns: TableColumns = {
      source: this.source,
      count: n,
      prefixes: this.idKeys.registeredPrefixes,
      keys: this.keys.slice(0, n),
      rows: this.rows.slice(0, n),
      packed: this.packed.slice(0, n),
      birthDates: this.birthDates.slice(0, n),
      idBirths: this.idBirths.slice(0, n),
      texts: {
        names: textColumn(this.names),
        townships: textColumn(this.townships),
        villages: textColumn(this.villages),
        householdNos: textColumn(this.householdNos),
        relations: textColumn(this.relations),
      },
      rawNames: [...this.rawNames],
      otherIds: [...this.otherIds],
      schoolRows,
      school: school as TableColumns['school'],
      idTexts: this.idTexts ? textColumn(this.idTexts) : null,
    };
    const typed = [columns.keys, columns.rows, columns.packed, columns.birthDates, columns.idBirths, schoolRows];
    const textColumns = [...Object.values(columns.texts), ...Object.values(columns.school), ...(columns.idTexts ? [columns.idTexts] : [])];
    const indexes = textColumns.map((column) => column.index);
    return { columns, transfer: [...typed, ...indexes].map((array) => array.buffer as ArrayBuffer) };
  }

  /** A table posted by another thread, its valid IDs keyed into `idKeys` (this thread's key table). */
  static fromColumns(columns: TableColumns, idKeys: IdKeyTable): RecordTable {
    const table = new RecordTable(columns.source, idKeys, { capacity: 0, idTexts: columns.idTexts !== null });
    idKeys.adopt(columns.keys, columns.prefixes);
    table.count = columns.count;
    table.keys = columns.keys;
    table.rows = columns.rows;
    table.packed = columns.packed;
    table.birthDates = columns.birthDates;
    table.idBirths = columns.idBirths;
    if (columns.idTexts) table.idTexts = texts(columns.idTexts);
    table.names = texts(columns.texts.names);
    table.townships = texts(columns.texts.townships);
    table.villages = texts(columns.texts.villages);
    table.householdNos = texts(columns.texts.householdNos);
    table.relations = texts(columns.texts.relations);
    for (const [i, name] of columns.rawNames) table.rawNames.set(i, name);
    for (const [i, id] of columns.otherIds) table.otherIds.set(i, id);
    const school = SCHOOL_FIELDS.map((field) => texts(columns.school[field]));
    columns.schoolRows.forEach((i, at) => {
      const [studentNo, schoolName, schoolCode, grade, className] = school.map((column) => column[at]!);
      table.schoolFields.set(i, {
        studentNo: studentNo!,
        school: schoolName!,
        schoolCode: schoolCode!,
        grade: grade!,
        className: className!,
      });
    });
    return table;
  }

  /** Copies what the record holds; the record itself is not kept (the loader reuses one). */
  push(record: SourceRecord): void {
    if (this.count === this.keys.length) this.grow();
    const i = this.count++;
    const key = record.idState === 'valid' ? this.idKeys.register(record.id) : -1;
    this.keys[i] = key;
    this.idTexts?.push(key >= 0 ? detach(record.id) : '');
    this.rows[i] = record.row;
    this.packed[i] = record.packed;
    this.birthDates[i] = record.birthDate;
    this.idBirths[i] = key >= 0 ? birthOfKey(key) : 0;
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
    record.id = this.id(i);
    record.idBirth = this.idBirths[i]!;
    record.birthDate = this.birthDates[i]!;
    record.name = this.names[i]!;
    record.nameRaw = this.rawNames.get(i) ?? record.name;
    record.township = this.townships[i]!;
    record.village = this.villages[i]!;
    record.householdNo = this.householdNos[i]!;
    record.relation = this.relations[i]!;
    const school = this.schoolFields.get(i);
    if (school) {
      record.studentNo = school.studentNo;
      record.school = school.school;
      record.schoolCode = school.schoolCode;
      record.grade = school.grade;
      record.className = school.className;
    }
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

  village(i: number): string {
    return this.villages[i]!;
  }

  writtenName(i: number): string {
    return this.rawNames.get(i) ?? this.names[i]!;
  }

  id(i: number): string {
    const key = this.keys[i]!;
    if (key < 0) return this.otherIds.get(i) ?? '';
    return this.idTexts ? this.idTexts[i]! : this.idKeys.idOf(key);
  }

  row(i: number): number {
    return this.rows[i]!;
  }

  flags(i: number): number {
    return packedFlags(this.packed[i]!);
  }

  private idBirth(i: number): number {
    return this.idBirths[i]!;
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
    this.idBirths = grown(this.idBirths, (n) => new Int32Array(n));
  }
}
