import type { Value } from './workbook-file.js';

// Large sheets (适龄儿童台账, about 150,000 rows at county scale; the follow-up packs,
// tens of thousands of rows a night) are written here, not cell by cell with exceljs:
// its streaming writer builds a Row and a Cell object per value and looks a style up
// per cell, about 70 µs a row; this writes the same sheetData XML (string values,
// numbers, the style numbers exceljs gave the shared style objects) straight into the
// worksheet's stream, about a tenth of that. It relies on internals of exceljs 4.4.0
// (pinned in package.json): the worksheet's `stream` and `_rowZero`, and the
// workbook's `styles.addStyleModel`; tests/report/raw-rows.test.ts and the pack tests
// read the result back with exceljs.

interface WorksheetWriterInternals {
  stream: { write(data: Buffer): void };
  _rowZero: number;
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

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Text as XML character data; characters XML cannot carry (C0 controls) are dropped. */
function escapeXml(text: string): string {
  // Most cells are plain names and places: one test, no copy.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>"]/g, (ch) => XML_ESCAPES[ch]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

const DAY_MS = 86_400_000;
/** Days from 1899-12-30 to 1970-01-01: a date's serial number in a 1900 workbook (as exceljs writes it). */
const EPOCH_SERIAL = 25_569;

/** Rows rendered to sheetData XML, to be written after row `firstRow - 1` of a sheet. */
export interface RenderedRows {
  readonly firstRow: number;
  readonly count: number;
  /**
   * UTF-8, a few thousand rows each: a sheet of 150,000 rows crosses to the workbook
   * worker as a few dozen buffers, transferred, not copied (renderedBuffers).
   */
  readonly chunks: readonly Uint8Array[];
}

/**
 * Rows rendered to sheetData XML from row `firstRow` on, one at a time (a sheet of
 * 150,000 rows needs no array of them). Strings are string values (never formulas),
 * numbers numbers, null empty; dates ISO text, or date serials in the column's date
 * style with a `layout`.
 */
export class RowRenderer {
  // Per column, once: how its cells begin (`<c r="B`) and their style attribute.
  private readonly opens: string[] = [];
  private readonly attrs: string[] = [];
  private readonly dateAttrs: string[] = [];
  private readonly chunks: Uint8Array[] = [];
  // Rows are joined into flat chunks and encoded at once: a string grown by += is a tree
  // of pieces, costly to keep, and the bytes are what the file needs.
  private chunk: string[] = [];
  private r: number;

  constructor(
    private readonly firstRow: number,
    private readonly layout?: RawLayout,
  ) {
    this.r = firstRow;
  }

  add(cells: readonly Value[]): void {
    const { layout, attrs, dateAttrs } = this;
    const r = this.r++;
    const height = layout?.height?.(cells);
    let xml = height ? `<row r="${r}" ht="${height}" customHeight="1">` : `<row r="${r}">`;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      const open = this.column(c) + r;
      if (cell === null || cell === undefined || cell === '') {
        if (layout?.styles[c]) xml += `${open}${attrs[c]}/>`;
      } else if (typeof cell === 'number') {
        xml += `${open}${attrs[c]}><v>${cell}</v></c>`;
      } else if (cell instanceof Date && layout) {
        xml += `${open}${dateAttrs[c]}><v>${cell.getTime() / DAY_MS + EPOCH_SERIAL}</v></c>`;
      } else {
        const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : cell;
        // t="str" and a value, as exceljs writes text without shared strings: 13 bytes less a cell than an inline string.
        xml += `${open}${attrs[c]} t="str"><v>${escapeXml(text)}</v></c>`;
      }
    }
    this.chunk.push(`${xml}</row>`);
    if (this.chunk.length === 2000) {
      this.chunks.push(Buffer.from(this.chunk.join('')));
      this.chunk = [];
    }
  }

  finish(): RenderedRows {
    if (this.chunk.length > 0) this.chunks.push(Buffer.from(this.chunk.join('')));
    this.chunk = [];
    return { firstRow: this.firstRow, count: this.r - this.firstRow, chunks: this.chunks };
  }

  private column(c: number): string {
    if (this.opens[c] === undefined) {
      this.opens[c] = `<c r="${columnName(c)}`;
      const style = this.layout?.styles[c];
      const dateStyle = this.layout?.dateStyles[c];
      this.attrs[c] = style ? `" s="${style}"` : '"';
      this.dateAttrs[c] = dateStyle ? `" s="${dateStyle}"` : '"';
    }
    return this.opens[c]!;
  }
}

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
  // A chunk that crossed from another thread is a plain Uint8Array: exceljs's stream takes Buffers.
  for (const chunk of rendered.chunks) writer.stream.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  writer._rowZero += rendered.count;
}

/** Appends `rows` after the rows already committed to `sheet` (the header), as renderRows says. */
export function writeRawRows(sheet: unknown, rows: readonly { readonly cells: readonly Value[] }[], layout?: RawLayout): void {
  writeRenderedRows(sheet, renderRows(rows, (sheet as WorksheetWriterInternals)._rowZero, layout));
}

/**
 * The buffers of rendered rows that can be transferred to another thread: those that
 * own their memory (a small Buffer may share Node's pool with others: it is copied).
 */
export function renderedBuffers(rendered: RenderedRows | undefined): ArrayBuffer[] {
  return (rendered?.chunks ?? [])
    .filter((chunk) => chunk.byteOffset === 0 && chunk.buffer.byteLength === chunk.byteLength)
    .map((chunk) => chunk.buffer as ArrayBuffer);
}
