import { serialToDate } from './xlsx-dates.js';
import { attributeMap, decodeEntities, decodeOoxmlEscapes, XmlScanner, type XmlHandler } from './xlsx-xml.js';
import type { Cell, CellRange } from './rows.js';

/** Excel's limits (ECMA-376 §18.3.1.73, §18.3.1.4): a row or column past them is a damaged sheet. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** How a sheet turned out not to be readable; read-xlsx.ts turns it into a message. */
export class SheetProblem extends Error {
  constructor(
    readonly kind: 'row_out_of_range' | 'column_out_of_range' | 'row_out_of_order' | 'shared_string_missing',
    readonly row: number,
    readonly value: number,
  ) {
    super(kind);
  }
}

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  /** Per cell style: 1 when its number format shows a date. */
  readonly dateStyles: Uint8Array;
  readonly date1904: boolean;
  row(cells: Cell[], row: number): void;
}

enum CellType {
  Number,
  Shared,
  Inline,
  FormulaString,
  Boolean,
  Error,
  IsoDate,
}

/**
 * Turns a worksheet's XML into rows, as it streams: `<row>`s of `<c>`ells, each
 * with a value `<v>` (a number, a shared string index, a boolean, a cached formula
 * result) or an inline string `<is>`. Rows and cells without an `r` attribute
 * follow the one before. Only the current row is held in memory.
 */
export class SheetScanner implements XmlHandler {
  readonly scanner: XmlScanner;
  /** Formula cells with no saved result: read as empty, and counted so the run can say so. */
  formulasWithoutValue = 0;
  /** The same, per column (0-based; sparse): the run names the column when it stops. */
  readonly formulasByColumn: number[] = [];
  /** `</sheetData>` seen: everything after it (merged cells, page setup) is not data. */
  ended = false;
  /** Merged ranges over more than one row (`<mergeCell>`, after the rows): only the first row of each holds the value. */
  readonly mergedRanges: CellRange[] = [];

  private inSheetData = false;
  private rowNumber = 0;
  private cells: Cell[] | null = null;
  private column = -1;
  private type = CellType.Number;
  private style = 0;
  private hasFormula = false;
  private value: string | null = null;
  /** A shared string cell's index, read in place from its <v> (no string made for it); -1 when none. */
  private sharedIndex = -1;
  private inInline = false;
  private phonetic = 0;

  constructor(private readonly context: SheetContext) {
    this.scanner = new XmlScanner(this, false);
  }

  text(source: string, from: number, to: number, cdata: boolean): void {
    if (this.type === CellType.Shared && !this.inInline && this.value === '') {
      this.sharedIndex = readIndex(source, from, to);
      if (this.sharedIndex >= 0) return;
    }
    const raw = source.slice(from, to);
    const text = cdata ? raw : decodeEntities(raw);
    this.value = this.value === null ? text : this.value + text;
  }

  open(name: string, source: string, from: number, to: number, selfClosing: boolean): number {
    if (!this.inSheetData) {
      if (name === 'sheetData') this.inSheetData = !selfClosing;
      if (name === 'sheetData' && selfClosing) this.ended = true;
      if (name === 'mergeCell' && this.ended) this.addMergedRange(attributeMap(source, from, to).get('ref') ?? '');
      return 0;
    }
    switch (name) {
      case 'c':
        this.startCell(source, from, to);
        if (selfClosing) this.endCell();
        return selfClosing ? 0 : this.readPlainCell(source, to + 1);
      case 'v':
        return selfClosing ? 0 : this.readValue(source, to);
      case 'f':
        this.hasFormula = true;
        return 0;
      case 'is':
        this.inInline = true;
        this.value = '';
        return 0;
      case 'rPh':
        if (!selfClosing) this.phonetic++;
        return 0;
      case 't':
        if (this.inInline && this.phonetic === 0 && !selfClosing) this.scanner.captureText = true;
        return 0;
      case 'row':
        this.startRow(source, from, to);
        if (selfClosing) this.endRow();
        return 0;
    }
    return 0;
  }

  /**
   * Most cells are `<c …><v>text</v></c>`, unprefixed: when the whole of it is in
   * `source`, the cell is read here in one step; else (a formula, an inline string,
   * a prefix, the end of a chunk) tag by tag.
   */
  private readPlainCell(source: string, at: number): number {
    if (!source.startsWith('<v>', at)) return 0;
    const lt = source.indexOf('<', at + 3);
    if (lt < 0 || !source.startsWith('</v></c>', lt)) return 0;
    this.value = '';
    if (lt > at + 3) this.text(source, at + 3, lt, false);
    this.endCell();
    return lt + 8;
  }

  /**
   * The text of a <v> and its end tag, read here when both are in `source` (one
   * step instead of three for most cells of a sheet); else the scanner brings the
   * text as it arrives.
   */
  private readValue(source: string, to: number): number {
    this.value = '';
    const lt = source.indexOf('<', to + 1);
    const gt = lt < 0 || source.charCodeAt(lt + 1) !== 47 ? -1 : source.indexOf('>', lt);
    if (gt < 0) {
      this.scanner.captureText = true;
      return 0;
    }
    if (lt > to + 1) this.text(source, to + 1, lt, false);
    return gt + 1;
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.scanner.captureText = false;
        return;
      case 'c':
        if (this.cells !== null) this.endCell();
        return;
      case 'row':
        this.endRow();
        return;
      case 'is':
        this.inInline = false;
        return;
      case 'rPh':
        this.phonetic--;
        return;
      case 'sheetData':
        if (this.inSheetData) this.ended = true;
        this.inSheetData = false;
        return;
    }
  }

  private addMergedRange(ref: string): void {
    const match = /^\$?([A-Za-z]{1,3})\$?(\d+):\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
    if (!match) return;
    const column = (letters: string) => readColumn(letters, 0, letters.length);
    const rows = [Number(match[2]), Number(match[4])];
    const columns = [column(match[1]!), column(match[3]!)];
    const range = {
      firstRow: Math.min(...rows),
      lastRow: Math.max(...rows),
      firstColumn: Math.min(...columns),
      lastColumn: Math.max(...columns),
    };
    if (range.lastRow > range.firstRow) this.mergedRanges.push(range);
  }

  private startRow(source: string, from: number, to: number): void {
    if (this.cells !== null) this.endRow(); // a row left open: the next row closes it
    let number = this.rowNumber + 1;
    const at = findAttribute(source, from, to, 114 /* r */);
    if (at >= 0) {
      const parsed = readInteger(source, at);
      if (parsed > 0) number = parsed;
    }
    if (number > MAX_ROWS) throw new SheetProblem('row_out_of_range', this.rowNumber, number);
    if (number <= this.rowNumber) throw new SheetProblem('row_out_of_order', this.rowNumber, number);
    this.rowNumber = number;
    this.cells = [];
    this.column = -1;
  }

  private endRow(): void {
    const cells = this.cells;
    if (cells === null) return;
    this.cells = null;
    this.context.row(cells, this.rowNumber);
  }

  private startCell(source: string, from: number, to: number): void {
    if (this.cells === null) this.startRow(source, to, to); // a cell outside any <row>: a row of its own
    let column = this.column + 1;
    let type = CellType.Number;
    let style = 0;
    // Attributes read in place, without strings: this runs for every cell of the sheet.
    let i = from;
    while (i < to) {
      const eq = source.indexOf('=', i);
      if (eq < 0 || eq >= to) break;
      let nameStart = eq - 1;
      while (nameStart > i && source.charCodeAt(nameStart) <= 32) nameStart--;
      const nameEnd = nameStart + 1;
      while (nameStart > i && source.charCodeAt(nameStart - 1) > 32) nameStart--;
      let valueStart = eq + 1;
      while (valueStart < to && source.charCodeAt(valueStart) <= 32) valueStart++; // r = "A1" is rare but allowed
      const quote = source.charCodeAt(valueStart++);
      const valueEnd = source.indexOf(quote === 39 ? "'" : '"', valueStart);
      if (valueEnd < 0 || nameEnd - nameStart !== 1) {
        i = valueEnd < 0 ? to : valueEnd + 1;
        continue;
      }
      const attribute = source.charCodeAt(nameStart);
      if (attribute === 114 /* r */) {
        const parsed = readColumn(source, valueStart, valueEnd);
        if (parsed >= 0) column = parsed;
      } else if (attribute === 115 /* s */) {
        style = readInteger(source, valueStart);
      } else if (attribute === 116 /* t */) {
        type = readCellType(source, valueStart, valueEnd);
      }
      i = valueEnd + 1;
    }
    if (column >= MAX_COLUMNS) throw new SheetProblem('column_out_of_range', this.rowNumber, column + 1);
    this.column = column;
    this.type = type;
    this.style = style;
    this.hasFormula = false;
    this.value = null;
    this.sharedIndex = -1;
    this.inInline = false;
    this.phonetic = 0;
  }

  private endCell(): void {
    const cells = this.cells!;
    const column = this.column;
    while (cells.length < column) cells.push(null);
    cells[column] = this.cellValue();
    this.scanner.captureText = false;
  }

  private cellValue(): Cell {
    const value = this.value;
    switch (this.type) {
      case CellType.Shared: {
        if (value === null) return null;
        const index = this.sharedIndex >= 0 ? this.sharedIndex : value.trim() === '' ? -1 : Number(value);
        if (index === -1) return null;
        const text = this.context.sharedStrings[index];
        if (text === undefined) throw new SheetProblem('shared_string_missing', this.rowNumber, index);
        return text;
      }
      case CellType.Inline:
        return value === null ? null : decodeOoxmlEscapes(value);
      case CellType.FormulaString:
        if (value === null) return this.noValue();
        return decodeOoxmlEscapes(value);
      case CellType.Boolean:
        return value === null ? this.noValue() : value.trim() === '1' || value.trim().toLowerCase() === 'true';
      case CellType.Error:
        return null;
      case CellType.IsoDate:
        return value === null ? this.noValue() : isoDate(value);
      default: {
        if (value === null || value.trim() === '') return this.noValue();
        const number = Number(value);
        if (!Number.isFinite(number)) return value;
        if (this.context.dateStyles[this.style] === 1) return serialToDate(number, this.context.date1904) ?? number;
        return number;
      }
    }
  }

  /** A cell with no value: empty, and counted when it is a formula Excel never calculated. */
  private noValue(): null {
    if (this.hasFormula) {
      this.formulasWithoutValue++;
      this.formulasByColumn[this.column] = (this.formulasByColumn[this.column] ?? 0) + 1;
    }
    return null;
  }
}

/** Where the value of the one-letter attribute `letter` starts in the tag, or -1. */
function findAttribute(source: string, from: number, to: number, letter: number): number {
  let i = from;
  while (i < to) {
    const eq = source.indexOf('=', i);
    if (eq < 0 || eq >= to) return -1;
    const before = source.charCodeAt(eq - 2);
    if (source.charCodeAt(eq - 1) === letter && (before <= 32 || before === 58)) return eq + 2;
    const quote = source.charCodeAt(eq + 1);
    const end = source.indexOf(quote === 39 ? "'" : '"', eq + 2);
    if (end < 0) return -1;
    i = end + 1;
  }
  return -1;
}

/** The digits of `source.slice(from, to)` as a number, or -1 when there is anything else. */
function readIndex(source: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = source.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function readInteger(source: string, from: number): number {
  let value = 0;
  for (let i = from; ; i++) {
    const digit = source.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return value;
    value = value * 10 + digit;
    if (value > 1e15) return value;
  }
}

/** The column (0-based) of a cell reference such as "AB12", or -1 when it has no letters. */
function readColumn(source: string, from: number, to: number): number {
  let column = 0;
  let i = from;
  for (; i < to; i++) {
    let code = source.charCodeAt(i);
    if (code >= 97 && code <= 122) code -= 32;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    if (column > MAX_COLUMNS * 26) break;
  }
  return i === from ? -1 : column - 1;
}

function readCellType(source: string, from: number, to: number): CellType {
  const length = to - from;
  const first = source.charCodeAt(from);
  if (length === 1) {
    if (first === 115) return CellType.Shared; // s
    if (first === 98) return CellType.Boolean; // b
    if (first === 101) return CellType.Error; // e
    if (first === 100) return CellType.IsoDate; // d
    return CellType.Number;
  }
  if (length === 3 && first === 115) return CellType.FormulaString; // str
  if (length === 9 && first === 105) return CellType.Inline; // inlineStr
  return CellType.Number;
}

/** t="d" cells hold an ISO 8601 date (and maybe a time): the day, at UTC midnight. */
function isoDate(text: string): Cell {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return text;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}
