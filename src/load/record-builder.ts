import { FLAG_BITS, SourceRecord, type FieldName, type FlagField, type IdState, type SourceName } from '../domain/index.js';
import {
  detach,
  foldText,
  INVALID_DATE,
  type Interner,
  type IdKeyTable,
  gradeLevel,
  isOutOfSchoolReason,
  isResidentIdType,
  normalizeIdFromNumber,
  normalizeIdNumber,
  normalizeName,
  parseDateCell,
  parseDateText,
  parseGender,
  parseYesNo,
  type NormalizedId,
  type StatusMatcher,
} from '../normalize/index.js';
import type { HeaderMap } from './header-map.js';
import type { Cell } from './rows.js';

/** What every source shares while loading. */
export interface LoadContext {
  readonly asOf: number;
  readonly statuses: StatusMatcher;
  readonly interner: Interner;
  /** Valid IDs are kept as packed keys; one table of prefixes for every source. */
  readonly idKeys: IdKeyTable;
}

/** Field-level problems: the row is still used, but a clerk should know (`inspect`). */
export class FieldProblems {
  readonly idStates: Record<IdState, number> = {
    valid: 0,
    empty: 0,
    malformed: 0,
    bad_region: 0,
    bad_date: 0,
    bad_checksum: 0,
    other_document: 0,
  };
  /** IDs whose digits a spreadsheet destroyed (numeric cells, scientific notation). */
  idDigitsLost = 0;
  /** Of those, the rows with no student number either: a roster matches the others by 学籍号 (SPEC §4). */
  idDigitsLostWithoutStudentNo = 0;
  readonly badDates: number[] = [];
  badDateCount = 0;
  /** Of those, a clerk's "unknown" (不详, 未知, —): not counted as destroyed (load/content-check.ts). */
  unknownDateCount = 0;
  /** The first rows of the others: those the destroyed-column stop names. */
  readonly destroyedDates: number[] = [];
  /** Birth-date cells that are not empty, read or not: what `badDateCount` is a share of. */
  dateCount = 0;
  badGenderCount = 0;
  badYesNoCount = 0;
  /** Status texts in none of the configured lists, with how often they occur. */
  readonly unknownStatuses = new Map<string, number>();
  /** Poverty roll: 在校生状况 values in neither the in-school nor the out-of-school list. */
  readonly unknownSchoolStatuses = new Map<string, number>();
  /** Poverty roll: members out of school by `not_in_school_reason` alone (在校生状况 blank or in school). */
  outOfSchoolByReasonCount = 0;

  noteBadDate(row: number, unknown: boolean): void {
    this.badDateCount++;
    if (this.badDates.length < 20) this.badDates.push(row);
    if (unknown) this.unknownDateCount++;
    else if (this.destroyedDates.length < 3) this.destroyedDates.push(row);
  }
}

/** What people type for a birth date they do not know (docs/DECISIONS.md, "A source whose content was destroyed"). */
const UNKNOWN_DATE_TEXTS: ReadonlySet<string> = new Set([
  '不详',
  '未知',
  '不明',
  '无',
  '暂无',
  '空',
  '-',
  '--',
  '—',
  '——',
  '－',
  '/',
  '／',
  '\\',
]);

const YES_NO_FIELDS: readonly FlagField[] = ['disabled', 'left_behind', 'migrant', 'parent_incarcerated'];

/** Turns one data row into a SourceRecord: every SPEC §2 normaliser, once a row. */
export class RecordBuilder {
  private readonly col: Partial<Record<FieldName, number>>;

  constructor(
    map: HeaderMap,
    private readonly source: SourceName,
    private readonly context: LoadContext,
    readonly problems: FieldProblems,
    reuse = false,
  ) {
    this.col = map.columns;
    this.reused = reuse ? new SourceRecord(source, 0) : null;
  }
  private readonly reused: SourceRecord | null;

  /**
   * The record, or null when the row identifies nobody (no ID, no name, no student
   * number). With `reuse`, one record is filled again for every row: the caller
   * copies what it keeps (a table in columns) before the next row.
   */
  build(cells: readonly Cell[], row: number): SourceRecord | null {
    const record = this.reused ? this.reused.clear(row) : new SourceRecord(this.source, row);

    this.readIdNumber(record, cells);
    const nameRaw = this.text(cells, 'name');
    record.nameRaw = detach(nameRaw);
    const name = normalizeName(nameRaw);
    record.name = name === nameRaw ? record.nameRaw : detach(name);
    record.studentNo = detach(foldText(this.text(cells, 'student_no')).toUpperCase());
    if (record.idState === 'empty' && record.name === '' && record.studentNo === '') return null;
    if (record.idNote && record.studentNo === '') this.problems.idDigitsLostWithoutStudentNo++;

    this.readGender(record, cells);
    this.readBirthDate(record, cells);
    record.township = this.repeated('township', cells, this.shared);
    record.village = this.repeated('village', cells, this.shared);
    record.school = this.repeated('school', cells, this.shared);
    record.schoolCode = this.repeated('school_code', cells, this.shared);
    record.grade = this.repeated('grade', cells, this.shared);
    const grade = record.grade === '' ? null : gradeLevel(record.grade);
    record.juniorMiddle = grade !== null && grade >= 7 && grade <= 9;
    this.readStatus(record, cells, grade);
    record.className = this.repeated('class', cells, this.shared);
    record.householdNo = this.repeated('household_no', cells, this.copied);
    record.relation = this.repeated('relation', cells, this.shared);
    for (const field of YES_NO_FIELDS) {
      if (this.yesNo(cells, field)) record.flags |= FLAG_BITS[field];
    }
    if (this.source === 'poverty') this.readOutOfSchool(record, cells);
    return record;
  }

  /** SPEC §2 poverty out-of-school: by 在校生状况, by `dropout_flag`, or by a `not_in_school_reason`. */
  private readOutOfSchool(record: SourceRecord, cells: readonly Cell[]): void {
    const { statuses } = this.context;
    const schoolStatus = this.text(cells, 'school_status');
    if (!statuses.isKnownSchoolStatus(schoolStatus)) {
      this.problems.unknownSchoolStatuses.set(schoolStatus, (this.problems.unknownSchoolStatuses.get(schoolStatus) ?? 0) + 1);
    }
    const byStatus = (schoolStatus !== '' && statuses.isOutOfSchool(schoolStatus)) || this.yesNo(cells, 'dropout_flag');
    const byReason = this.col.not_in_school_reason !== undefined && isOutOfSchoolReason(this.text(cells, 'not_in_school_reason'));
    if (byReason && !byStatus) this.problems.outOfSchoolByReasonCount++;
    record.outOfSchool = byStatus || byReason;
  }

  private readIdNumber(record: SourceRecord, cells: readonly Cell[]): void {
    const cell = this.cell(cells, 'id_number');
    const resident = this.col.id_type === undefined || isResidentIdType(this.text(cells, 'id_type'));
    let id: NormalizedId;
    if (typeof cell === 'number') id = normalizeIdFromNumber(cell, this.context.asOf);
    else if (cell instanceof Date) id = { state: 'malformed', value: '', birth: 0, gender: null, note: 'numeric_cell' };
    else id = normalizeIdNumber(cell == null ? '' : String(cell), this.context.asOf, resident);
    // Not copied here: a table that keeps the ID as text copies it (RecordTable.push).
    record.id = id.value;
    record.idState = id.state;
    record.idNote = id.note;
    record.idBirth = id.birth;
    record.idGender = id.gender;
    this.problems.idStates[id.state]++;
    if (id.note) this.problems.idDigitsLost++;
  }

  private readGender(record: SourceRecord, cells: readonly Cell[]): void {
    const gender = parseGender(this.text(cells, 'gender'));
    if (gender === undefined) this.problems.badGenderCount++;
    else record.gender = gender;
  }

  private readBirthDate(record: SourceRecord, cells: readonly Cell[]): void {
    const cell = this.cell(cells, 'birth_date');
    if (cell == null || cell === '') return;
    this.problems.dateCount++;
    const day = cell instanceof Date ? parseDateCell(cell) : parseDateText(String(cell));
    // 不详, 未知, — …: a clerk's "unknown", shown by inspect, but not a date a spreadsheet destroyed.
    if (day === INVALID_DATE) this.problems.noteBadDate(record.row, typeof cell === 'string' && UNKNOWN_DATE_TEXTS.has(cell.trim()));
    else record.birthDate = day;
  }

  private readStatus(record: SourceRecord, cells: readonly Cell[], grade: number | null): void {
    // SPEC §1: a household export without a status column (a 常住人口 view) lists the living.
    if (this.source === 'household' && this.col.status === undefined) {
      record.statusKind = 'living';
      return;
    }
    const status = this.repeated('status', cells, this.shared);
    const { statuses } = this.context;
    if (this.source === 'registry') {
      record.statusKind = statuses.registryStatus(status);
      // Needs the grade: a 毕业 on a primary grade is no completion (SPEC §5).
      record.exit = statuses.registryExit(status, grade);
    } else if (this.source === 'household') record.statusKind = statuses.householdStatus(status);
    else return;
    if (record.statusKind === 'unknown') {
      this.problems.unknownStatuses.set(status, (this.problems.unknownStatuses.get(status) ?? 0) + 1);
    }
  }

  private yesNo(cells: readonly Cell[], field: FlagField | 'dropout_flag'): boolean {
    if (this.col[field] === undefined) return false;
    const value = parseYesNo(this.text(cells, field), field);
    if (value === undefined) this.problems.badYesNoCount++;
    return value === true;
  }

  /**
   * Exports are sorted: a township, a school, a household number repeats for rows
   * on end. The value of the row before is reused without looking it up again.
   */
  /** Values many rows share (townships, schools, statuses): one copy of each. */
  private readonly shared = (text: string) => this.context.interner.intern(foldText(text));
  /** Values a few rows share (a household number): a copy of its own. */
  private readonly copied = (text: string) => detach(foldText(text));
  private readonly previousText: string[] = [];
  private readonly previousValue: string[] = [];

  private repeated(field: FieldName, cells: readonly Cell[], normalize: (text: string) => string): string {
    const column = this.col[field];
    if (column === undefined) return '';
    const text = cellText(cells[column]);
    if (this.previousText[column] === text) return this.previousValue[column]!;
    const value = normalize(text);
    this.previousText[column] = detach(text);
    this.previousValue[column] = value;
    return value;
  }

  private cell(cells: readonly Cell[], field: FieldName): Cell {
    const column = this.col[field];
    return column === undefined ? undefined : cells[column];
  }

  private text(cells: readonly Cell[], field: FieldName): string {
    return cellText(this.cell(cells, field));
  }
}

export function cellText(cell: Cell): string {
  if (cell == null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  for (const cell of cells) if (cellText(cell) !== '') return false;
  return true;
}
