import { constants, type Stats } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SourceSettings } from '../config/index.js';
import { RollcallError, type FieldName, type SourceName } from '../domain/index.js';
import { both, type Message, type MessageKey } from '../i18n/index.js';
import type { BrokenReason } from './csv-tokenizer.js';
import { fingerprintFile, type FileFingerprint } from './fingerprint.js';
import {
  checkDuplicateHeader,
  checkRequiredFields,
  checkTwoRowHeader,
  columnText,
  countRecognisedHeaders,
  mapHeaders,
  missingRequiredFields,
  type HeaderMap,
} from './header-map.js';
import { readCsvRows } from './read-csv.js';
import { readXlsxRows } from './read-xlsx.js';
import { FieldProblems, isBlankRow, RecordBuilder, type LoadContext } from './record-builder.js';
import { RecordTable } from './record-table.js';
import type { RejectedRow, RejectReason } from './rejected.js';
import { MAX_PREAMBLE_ROWS, type Cell, type CellRange, type ProgressCallback, type ReaderInfo, type RowSink } from './rows.js';

export type SourceFormat = 'csv' | 'xlsx';

/** One input file, read: its records, its rejected rows, and how it was read. */
export interface LoadedSource {
  readonly source: SourceName;
  readonly file: string;
  readonly format: SourceFormat;
  readonly encoding: string | null;
  readonly sheet: string | null;
  readonly headerRow: number;
  /** field → header as written in the file */
  readonly fields: Partial<Record<FieldName, string>>;
  readonly unmappedHeaders: readonly string[];
  readonly records: RecordTable;
  readonly rejected: readonly RejectedRow[];
  /** SPEC §7: rows read = rows accepted + rows rejected. */
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  readonly problems: FieldProblems;
  /** Size, modification time and SHA-256 of the file read. */
  readonly fingerprint: FileFingerprint;
  /** Workbooks: formula cells with no saved value, read as empty (`inspect` and the run warn). */
  readonly formulasWithoutValue: number;
  /** The same, per field the run reads (those in the header row and its rows). */
  readonly formulasByField: Partial<Record<FieldName, number>>;
}

/**
 * More empty rows than this in one run *between* records is a damaged file, not an
 * export (docs/DECISIONS.md): it stops the run instead of filling rejected.csv.
 * Empty rows at the end of a file are not rows, however many.
 */
export const MAX_BLANK_RUN = 10_000;

export async function loadSource(settings: SourceSettings, context: LoadContext, onProgress?: ProgressCallback): Promise<LoadedSource> {
  const format = await checkInputFile(settings.file);
  const assembler = new SourceAssembler(settings, context, format);
  const fingerprint = fingerprintFile(settings.file);
  fingerprint.catch(() => undefined); // awaited below, after the reader has had its say about the file
  try {
    if (format === 'csv') await readCsvRows(settings.file, settings.encoding, assembler, onProgress);
    else await readXlsxRows(settings.file, settings.sheet, assembler, onProgress, settings.source);
    return { ...assembler.finish(), fingerprint: await fingerprint };
  } catch (error) {
    // A read that fails half way (EIO, the file removed or replaced by a folder) is an input problem too.
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (error instanceof RollcallError || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw error;
    throw unreadableInput(settings.file, error);
  }
}

/**
 * SPEC §1 formats; every other case is a usage error that says what to do. Checked
 * with stat before the file is opened: a FIFO given as an input would block forever.
 */
async function checkInputFile(file: string): Promise<SourceFormat> {
  await checkRegularFile(file);
  const extension = extname(file).toLowerCase();
  if (extension === '.xls') throw new RollcallError('file_format', { key: 'io.xls_file', params: { file } });
  if (extension !== '.xlsx' && extension !== '.csv' && extension !== '.txt') {
    const named = extension ? extension : both('io.no_extension');
    throw new RollcallError('file_format', { key: 'io.unknown_file_type', params: { file, extension: named } });
  }
  await checkMayRead(file);
  return extension === '.xlsx' ? 'xlsx' : 'csv';
}

/** A path that is a regular file (missing, a folder, a FIFO: exit 2 with io.* messages). */
async function checkRegularFile(file: string): Promise<void> {
  let info: Stats;
  try {
    info = await stat(file);
  } catch (error) {
    throw unreadableInput(file, error);
  }
  if (!info.isFile()) {
    throw new RollcallError('file_unreadable', { key: notRegularFile(info), params: { file } });
  }
}

/** A regular file this user may read, else exit 2 saying why (io.*); `ledger import` checks its packs with it too. */
export async function checkReadableFile(file: string): Promise<void> {
  await checkRegularFile(file);
  await checkMayRead(file);
}

async function checkMayRead(file: string): Promise<void> {
  try {
    await access(file, constants.R_OK);
  } catch (error) {
    throw unreadableInput(file, error);
  }
}

/** A file that cannot be opened: missing, no permission, or another reason; always exit 2. */
function unreadableInput(file: string, error: unknown): RollcallError {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  if (code === 'ENOENT') return new RollcallError('file_missing', { key: 'io.file_missing', params: { file } }, { cause: error });
  const key = code === 'EACCES' || code === 'EPERM' ? 'io.file_no_permission' : 'io.file_unreadable';
  return new RollcallError('file_unreadable', { key, params: { file, code } }, { cause: error });
}

function notRegularFile(info: Stats): MessageKey {
  if (info.isDirectory()) return 'io.input_is_folder';
  if (info.isFIFO()) return 'io.input_is_fifo';
  return info.isSocket() ? 'io.input_is_socket' : 'io.input_is_device';
}

/**
 * Receives rows from a reader, finds the header, and accounts for every row after
 * it: accepted as a record or rejected with a reason (SPEC §7, nothing lost).
 */
class SourceAssembler implements RowSink {
  private info: ReaderInfo | null = null;
  private header: HeaderMap | null = null;
  private headerRow = 0;
  private builder: RecordBuilder | null = null;
  private readonly preamble: { cells: readonly Cell[]; row: number }[] = [];
  private readonly records: RecordTable;
  private readonly rejected: RejectedRow[] = [];
  /**
   * Blank rows seen but not yet known to be in the middle (trailing blanks are not
   * rows): one run, kept as a range so that 20 million empty rows cost nothing.
   */
  private pendingBlank: { from: number; to: number } | null = null;
  private lastRow = 0;
  /** The last row taken as a record: a merged range below it (a footer's 备注) covers no record. */
  private lastRecordRow = 0;
  private readonly problems = new FieldProblems();
  /** A header row without every required field, kept until the row below shows whether the header goes on there. */
  private incompleteHeader: { header: HeaderMap; row: number } | null = null;
  /** Workbooks: merged ranges over more than one row, checked against the header once it is known. */
  private merged: readonly CellRange[] = [];

  constructor(
    private readonly settings: SourceSettings,
    private readonly context: LoadContext,
    private readonly format: SourceFormat,
  ) {
    this.records = new RecordTable(settings.source, context.idKeys, { idTexts: settings.source !== 'household' });
  }

  start(info: ReaderInfo): void {
    this.info = info;
  }

  row(cells: readonly Cell[], row: number): void {
    if (this.incompleteHeader) this.rejectIncompleteHeader(cells);
    if (!this.header) {
      this.preamble.push({ cells, row });
      if (countRecognisedHeaders(cells, this.settings) >= 2) this.useHeader(cells, row);
      else if (this.preamble.length >= MAX_PREAMBLE_ROWS) this.useFallbackHeader();
      return;
    }
    // A workbook leaves empty rows out: the gap is blank rows.
    if (row > this.lastRow + 1) this.addBlankRows(this.lastRow + 1, row - 1);
    this.lastRow = row;
    if (isBlankRow(cells)) {
      this.addBlankRows(row, row);
      return;
    }
    this.flushBlankRows();
    this.accept(cells, row);
  }

  broken(row: number, reason: BrokenReason): void {
    if (!this.header) {
      // A broken line above the header: keep it as a preamble row of one cell.
      this.preamble.push({ cells: [''], row });
      return;
    }
    this.flushBlankRows();
    this.lastRow = row;
    this.reject(row, reason, { key: reason === 'unclosed_quote' ? 'io.rejected_unclosed_quote' : 'io.rejected_broken_quotes' });
  }

  sameHeader(cells: readonly Cell[]): boolean {
    const header = this.header;
    if (!header || countRecognisedHeaders(cells, this.settings) < 2) return false;
    const fields = (map: HeaderMap) => Object.keys(map.columns).sort().join();
    return fields(mapHeaders(cells, this.settings)) === fields(header);
  }

  mergedRanges(ranges: readonly CellRange[]): void {
    this.merged = ranges;
  }

  end(): void {
    if (this.incompleteHeader) this.rejectIncompleteHeader(null);
    if (!this.header) this.useFallbackHeader();
    if (this.incompleteHeader) this.rejectIncompleteHeader(null);
    this.refuseMergedCells();
  }

  /**
   * Cells merged down a column that is read (学校名称 merged over a school's rows):
   * only the first row holds the value, so every other row would be read with a
   * blank school. The ranges come after the rows in the sheet's XML, too late to
   * fill them in without reading the sheet again (docs/DECISIONS.md): stop, naming
   * the first such range and how to unmerge and fill.
   */
  private refuseMergedCells(): void {
    const header = this.header!;
    const mapped = Object.values(header.columns).sort((a, b) => a - b);
    let first: { range: CellRange; column: number } | null = null;
    let count = 0;
    for (const range of this.merged) {
      // A range of the header (a header over two rows), or one that starts on or below the last record
      // (a footer), covers no record below its first row.
      if (range.firstRow <= this.headerRow || range.firstRow >= this.lastRecordRow) continue;
      const column = mapped.find((index) => index >= range.firstColumn && index <= range.lastColumn);
      if (column === undefined) continue;
      count++;
      if (!first || range.firstRow < first.range.firstRow || (range.firstRow === first.range.firstRow && column < first.column)) {
        first = { range, column };
      }
    }
    this.merged = [];
    if (!first) return;
    throw new RollcallError('file_format', {
      key: 'xlsx.merged_cells',
      params: {
        file: this.settings.file,
        sheet: this.info?.sheet ?? '',
        column: columnText(first.column),
        header: header.found[first.column] ?? '',
        from: first.range.firstRow,
        to: first.range.lastRow,
        count,
      },
    });
  }

  finish(): Omit<LoadedSource, 'fingerprint'> {
    this.end();
    const header = this.header!;
    return {
      source: this.settings.source,
      file: this.settings.file,
      format: this.format,
      encoding: this.info?.encoding ?? null,
      sheet: this.info?.sheet ?? null,
      headerRow: this.headerRow,
      fields: header.headers,
      unmappedHeaders: header.unmapped,
      records: this.records,
      rejected: this.rejected,
      rowsRead: this.records.length + this.rejected.length,
      rowsAccepted: this.records.length,
      rowsRejected: this.rejected.length,
      problems: this.problems,
      formulasWithoutValue: this.info?.counts?.formulasWithoutValue ?? 0,
      formulasByField: this.formulasByField(header),
    };
  }

  /** The reader's count of formulas without a value, by the field of their column. */
  private formulasByField(header: HeaderMap): Partial<Record<FieldName, number>> {
    const byColumn = this.info?.counts?.formulasByColumn ?? [];
    const byField: Partial<Record<FieldName, number>> = {};
    for (const [field, column] of Object.entries(header.columns) as [FieldName, number][]) {
      const count = byColumn[column];
      if (count) byField[field] = count;
    }
    return byField;
  }

  private useHeader(cells: readonly Cell[], row: number): void {
    const header = mapHeaders(cells, this.settings);
    if (missingRequiredFields(header, this.settings).length > 0) {
      this.incompleteHeader = { header, row };
      const below = this.preamble.find((entry) => entry.row === row + 1);
      if (below) this.rejectIncompleteHeader(below.cells);
      return;
    }
    // Nothing missing: still refuse a file whose headers belong to another source, or name one field twice.
    checkRequiredFields(header, this.settings, row);
    checkDuplicateHeader(header, this.settings, row);
    this.header = header;
    this.headerRow = row;
    this.lastRow = row;
    this.builder = new RecordBuilder(header, this.settings.source, this.context, this.problems, true);
    this.info?.expectFieldCount(cells.length);
    // Rows read before the header was recognised and below it are data.
    const after = this.preamble.filter((entry) => entry.row > row);
    this.preamble.length = 0;
    for (const entry of after) this.row(entry.cells, entry.row);
  }

  /** A header that lacks required fields stops the run; `below` (the next row) tells whether it spans two rows. */
  private rejectIncompleteHeader(below: readonly Cell[] | null): never {
    const { header, row } = this.incompleteHeader!;
    if (below) checkTwoRowHeader(header, below, this.settings, row);
    checkRequiredFields(header, this.settings, row);
    throw new Error('unreachable: the header lacks required fields');
  }

  /** No row looked like a header: take the first non-blank one, and let the required-field check speak. */
  private useFallbackHeader(): void {
    const first = this.preamble.find((entry) => !isBlankRow(entry.cells));
    if (!first) {
      throw new RollcallError('schema', { key: 'io.file_empty', params: { file: this.settings.file } });
    }
    this.useHeader(first.cells, first.row);
  }

  private accept(cells: readonly Cell[], row: number): void {
    const header = this.header!;
    if (this.format === 'csv' && cells.length !== header.fieldCount) {
      const extraBlank = cells.length > header.fieldCount && cells.slice(header.fieldCount).every((cell) => cell === '');
      if (!extraBlank) {
        this.reject(row, 'field_count', { key: 'io.rejected_field_count', params: { fields: cells.length, expected: header.fieldCount } });
        return;
      }
    }
    if (this.isRepeatedHeader(cells)) {
      this.reject(row, 'repeated_header', { key: 'io.rejected_repeated_header' });
      return;
    }
    const record = this.builder!.build(cells, row);
    if (record) {
      this.records.push(record);
      this.lastRecordRow = row;
    } else this.reject(row, 'no_identity', { key: 'io.rejected_no_identity' });
  }

  private isRepeatedHeader(cells: readonly Cell[]): boolean {
    const header = this.header!;
    const column = header.columns.name ?? header.columns.id_number ?? header.columns.student_no;
    if (column === undefined) return false;
    const cell = cells[column];
    return typeof cell === 'string' && cell.trim() === header.found[column];
  }

  private addBlankRows(from: number, to: number): void {
    // Blank rows arrive in order and any gap is filled, so pending blanks are one run.
    if (this.pendingBlank) this.pendingBlank.to = to;
    else this.pendingBlank = { from, to };
  }

  private flushBlankRows(): void {
    const run = this.pendingBlank;
    if (!run) return;
    this.pendingBlank = null;
    const count = run.to - run.from + 1;
    if (count > MAX_BLANK_RUN) {
      throw new RollcallError('file_format', {
        key: 'io.blank_run_too_long',
        params: { file: this.settings.file, from: run.from, to: run.to, count, limit: MAX_BLANK_RUN },
      });
    }
    for (let row = run.from; row <= run.to; row++) this.reject(row, 'blank_row', { key: 'io.rejected_blank_row' });
  }

  private reject(row: number, reason: RejectReason, detail: Message): void {
    this.rejected.push({ source: this.settings.source, file: this.settings.file, row, reason, detail });
  }
}
