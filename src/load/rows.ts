import type { BrokenReason } from './csv-tokenizer.js';

/** One cell as a reader hands it over: CSV gives text, a workbook typed values. */
export type Cell = string | number | boolean | Date | null | undefined;

/** Rows above the header that may be a title or notes (exports often have one): the header is looked for in the first ten. */
export const MAX_PREAMBLE_ROWS = 10;

/** Where a reader delivers rows; the same for CSV and XLSX. */
export interface RowSink {
  /** Called once before the first row, with what the reader found out. */
  start(info: ReaderInfo): void;
  row(cells: readonly Cell[], row: number): void;
  broken(row: number, reason: BrokenReason): void;
  /**
   * Workbooks only, after the last row and before end(): the merged ranges that span
   * more than one row (a sheet lists them after its rows).
   */
  mergedRanges?(ranges: readonly CellRange[]): void;
  /** After the last row: the header checks that need every row (a workbook reader adds which sheet to errors thrown here). */
  end?(): void;
  /**
   * Workbooks only, after end(): whether `cells`, a row near the top of another
   * sheet, is a header that maps the same fields as the header of the sheet read.
   */
  sameHeader?(cells: readonly Cell[]): boolean;
}

/** A rectangle of cells: rows as the sheet numbers them (from 1), columns from 0. */
export interface CellRange {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

export interface ReaderInfo {
  readonly encoding: string | null;
  readonly sheet: string | null;
  /** CSV only: lets the tokenizer tell a broken quote from a multi-line field. */
  expectFieldCount(count: number): void;
  /** Workbooks only: what the reader noticed, complete once the last row is handed over. */
  readonly counts?: ReaderCounts;
}

export interface ReaderCounts {
  /** Formula cells with no saved value (never calculated): read as empty, and worth a warning. */
  formulasWithoutValue: number;
  /** The same per column (0-based, sparse). */
  formulasByColumn: readonly number[];
}

/** Bytes read so far of a file, for the progress line on a terminal. */
export type ProgressCallback = (bytesRead: number, totalBytes: number) => void;
