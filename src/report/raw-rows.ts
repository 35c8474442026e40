import type { Value } from './workbook-file.js';
import { ascii, XmlBytes } from './xml-bytes.js';

// Large sheets (适龄儿童台账, about 150,000 rows at county scale; the follow-up packs,
// tens of thousands of rows a night; report.xlsx's case tables) are written here, not
// cell by cell with exceljs: its streaming writer builds a Row and a Cell object per
// value and looks a style up per cell, about 70 µs a row; this writes the same
// sheetData XML (string values, numbers, the style numbers exceljs gave the shared
// style objects) straight into UTF-8 bytes (xml-bytes.ts) and the worksheet's stream,
// about 1.3 µs a row (150,000 children's rows in ~190 ms alone). It relies on
// internals of exceljs 4.4.0 (pinned in package.json): the worksheet's `stream` and
// `_rowZero`, and the workbook's `styles.addStyleModel`; tests/report/raw-rows.test.ts
// and the pack tests read the result back with exceljs.

interface WorksheetWriterInternals {
  stream: SheetStreamInternals;
  _rowZero: number;
}

/**
 * exceljs's StreamBuf (lib/utils/stream-buf.js), in batch mode: it copies what it is
 * given into 64 KB buffers, each handed on to its pipe (archiver's entry stream) when
 * full; `_flush` hands on the last, partly filled one.
 */
interface SheetStreamInternals {
  write(data: Buffer): void;
  readonly pipes?: readonly { write(data: Buffer): unknown }[];
  readonly batch?: boolean;
  readonly corked?: boolean;
  _flush?(): void;
}

interface WorkbookWriterInternals {
  styles: { addStyleModel(style: object, cellType: number): number };
}

/** exceljs's ValueType numbers (lib/doc/enums.js) for the kinds of cell a style is first seen on. */
const CELL_TYPE = { number: 2, text: 3, date: 4 } as const;

/**
 * The style number (`s`) exceljs gives a style object in this workbook. exceljs
 * remembers a style by the object, so the same object always gets the same number,
 * whether a cell written by exceljs or a raw row carries it.
 */
export function styleNumber(workbook: unknown, style: object, kind: keyof typeof CELL_TYPE): number {
  return (workbook as WorkbookWriterInternals).styles.addStyleModel(style, CELL_TYPE[kind]);
}

/** How raw rows look: without it, plain values (dates as YYYY-MM-DD text). */
export interface RawLayout {
  /** The style number of each column's cells (0 or missing: none); empty cells with a style are written too. */
  readonly styles: readonly number[];
  /** The style number of each column's date cells: dates are then date serials, not text. */
  readonly dateStyles: readonly number[];
  /** Each row's height in points, or none (the spreadsheet's default). */
  readonly height?: (cells: readonly Value[]) => number | undefined;
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const DAY_MS = 86_400_000;
/** Days from 1899-12-30 to 1970-01-01: a date's serial number in a 1900 workbook (as exceljs writes it). */
const EPOCH_SERIAL = 25_569;

/** Rows rendered to sheetData XML, to be written after row `firstRow - 1` of a sheet. */
export interface RenderedRows {
  readonly firstRow: number;
  readonly count: number;
  /**
   * UTF-8, a megabyte each, each owning its memory: a sheet of 150,000 rows crosses
   * to the workbook worker as some eighty buffers, transferred, not copied (renderedBuffers).
   */
  readonly chunks: readonly Uint8Array[];
}

/**
 * Rows rendered to sheetData XML from row `firstRow` on, one at a time (a sheet of
 * 150,000 rows needs no array of them), straight into UTF-8 bytes (xml-bytes.ts).
 * Strings are string values (never formulas), numbers numbers, null empty; dates
 * ISO text, or date serials in the column's date style with a `layout`.
 */
export class RowRenderer {
  private readonly out = new XmlBytes();
  // Per column, once: how its cells begin (`<c r="B`) and their style attribute.
  private readonly opens: Uint8Array[] = [];
  private readonly attrs: Uint8Array[] = [];
  private readonly dateAttrs: Uint8Array[] = [];
  private r: number;

  constructor(
    private readonly firstRow: number,
    private readonly layout?: RawLayout,
  ) {
    this.r = firstRow;
  }

  add(cells: readonly Value[]): void {
    const { layout, attrs, dateAttrs, out } = this;
    const r = String(this.r++);
    const height = layout?.height?.(cells);
    out.room(64);
    out.bytes(ROW_OPEN);
    out.asciiText(r);
    if (height) {
      out.bytes(ROW_HEIGHT);
      out.asciiText(String(height));
      out.bytes(ROW_CUSTOM_HEIGHT);
    } else out.bytes(END_TAG);
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === null || cell === undefined || cell === '') {
        if (!layout?.styles[c]) continue;
        this.open(c, r, attrs);
        out.bytes(EMPTY_CELL_END);
      } else if (typeof cell === 'number') {
        this.open(c, r, attrs);
        this.number(cell);
      } else if (cell instanceof Date && layout) {
        this.open(c, r, dateAttrs);
        this.number(cell.getTime() / DAY_MS + EPOCH_SERIAL);
      } else {
        const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : cell;
        // t="str" and a value, as exceljs writes text without shared strings: 13 bytes less a cell than an inline string.
        this.open(c, r, attrs, text.length * 6);
        out.bytes(STRING_VALUE);
        out.text(text);
        out.bytes(VALUE_END);
      }
    }
    out.room(8);
    out.bytes(ROW_CLOSE);
  }

  finish(): RenderedRows {
    return { firstRow: this.firstRow, count: this.r - this.firstRow, chunks: this.out.finish() };
  }

  /** `<c r="B12" s="3"`, with room for the rest of the cell and `more` bytes. */
  private open(c: number, r: string, attrs: Uint8Array[], more = 0): void {
    if (this.opens[c] === undefined) {
      const style = this.layout?.styles[c];
      const dateStyle = this.layout?.dateStyles[c];
      this.opens[c] = ascii(`<c r="${columnName(c)}`);
      this.attrs[c] = ascii(style ? `" s="${style}"` : '"');
      this.dateAttrs[c] = ascii(dateStyle ? `" s="${dateStyle}"` : '"');
    }
    const { out } = this;
    out.room(96 + more);
    out.bytes(this.opens[c]!);
    out.asciiText(r);
    out.bytes(attrs[c]!);
  }

  private number(value: number): void {
    const { out } = this;
    out.bytes(NUMBER_VALUE);
    out.asciiText(String(value));
    out.bytes(VALUE_END);
  }
}

const ROW_OPEN = ascii('<row r="');
const ROW_HEIGHT = ascii('" ht="');
const ROW_CUSTOM_HEIGHT = ascii('" customHeight="1">');
const END_TAG = ascii('">');
const ROW_CLOSE = ascii('</row>');
const EMPTY_CELL_END = ascii('/>');
const NUMBER_VALUE = ascii('><v>');
const STRING_VALUE = ascii(' t="str"><v>');
const VALUE_END = ascii('</v></c>');

/** `rows` rendered from row `firstRow` on (RowRenderer). */
export function renderRows(rows: readonly { readonly cells: readonly Value[] }[], firstRow: number, layout?: RawLayout): RenderedRows {
  const renderer = new RowRenderer(firstRow, layout);
  for (const { cells } of rows) renderer.add(cells);
  return renderer.finish();
}

/** Writes rows rendered for this sheet after the rows already committed to it (the header). */
export function writeRenderedRows(sheet: unknown, rendered: RenderedRows): void {
  const writer = sheet as WorksheetWriterInternals;
  if (writer._rowZero !== rendered.firstRow) throw new Error(`rows rendered for row ${rendered.firstRow}, sheet at ${writer._rowZero}`);
  const { stream } = writer;
  // Rendered rows come in megabyte chunks: handed straight to the entry stream, not copied
  // into StreamBuf's 64 KB buffers (73 MB for 适龄儿童台账, ~0.13 s of the writer thread),
  // after what StreamBuf holds (the sheet's head), so the order stays.
  const pipe = stream.batch && !stream.corked && stream.pipes?.length === 1 && stream._flush ? stream.pipes[0]! : stream;
  if (pipe !== stream) stream._flush!();
  // A chunk that crossed from another thread is a plain Uint8Array: the streams take Buffers.
  for (const chunk of rendered.chunks) pipe.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  writer._rowZero += rendered.count;
}

/** Appends `rows` after the rows already committed to `sheet` (the header), as renderRows says. */
export function writeRawRows(sheet: unknown, rows: readonly { readonly cells: readonly Value[] }[], layout?: RawLayout): void {
  writeRenderedRows(sheet, renderRows(rows, (sheet as WorksheetWriterInternals)._rowZero, layout));
}

/** The buffers of rendered rows, to be transferred to another thread (each owns its memory: xml-bytes.ts). */
export function renderedBuffers(rendered: RenderedRows | undefined): ArrayBuffer[] {
  return (rendered?.chunks ?? []).map((chunk) => chunk.buffer as ArrayBuffer);
}
