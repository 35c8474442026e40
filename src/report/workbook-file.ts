import { createWriteStream } from 'node:fs';
import { workbookWriterClass } from './exceljs-writer.js';
import { useNativeCrc } from './native-crc.js';
import { storeWholeParts } from './stored-parts.js';
import { styleNumber, writeRawRows, writeRenderedRows, type RenderedRows } from './raw-rows.js';

// Writing a workbook's content with exceljs. Kept apart from the content so that it
// can run in a worker thread (workbook-writer.ts): it receives plain data only.

export type Value = string | number | Date | null;

export interface SheetColumn {
  readonly header: string;
  readonly width: number;
  /** Stored as text (ID numbers: as numbers Excel would destroy their last digits). */
  readonly text?: boolean;
  readonly date?: boolean;
  /** Long text: wrapped within the column instead of running over the next ones. */
  readonly wrap?: boolean;
}

export interface SheetContent {
  readonly name: string;
  /** A table: a bold, frozen, filterable header row over these columns, repeated on every printed page. */
  readonly columns?: readonly SheetColumn[];
  /** Column widths of a sheet that is not a table. */
  readonly widths?: readonly number[];
  /** Columns kept in view when scrolling right (a sheet that is not a table). */
  readonly freezeColumns?: number;
  /** `heading`: a title in the first cell, not wrapped, running over the empty cells beside it. */
  readonly rows: {
    readonly cells: readonly Value[];
    readonly bold?: boolean;
    readonly heading?: boolean;
    readonly percent?: readonly number[];
  }[];
  /**
   * Very large sheets (适龄儿童台账): the rows after the header, already rendered to
   * sheet XML (raw-rows.ts) on the main thread; `rows` is then empty.
   */
  readonly rendered?: RenderedRows;
}

export interface WorkbookContent {
  readonly created: Date;
  /** Printed at the top of every page (county prefixes, as-of date). */
  readonly pageHeader: string;
  /** Printed at the bottom of every page; `&P` is the page, `&N` the number of pages. */
  readonly pageFooter: string;
  readonly sheets: readonly SheetContent[];
}

/**
 * SPEC §7: a report that prints. Every sheet landscape on A4, fit to one page wide
 * (as many pages long as it takes), narrow margins, the page header and footer.
 */
function pageSetup(sheet: SheetContent) {
  return {
    orientation: 'landscape',
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    ...(sheet.columns ? { printTitlesRow: '1:1' } : {}),
  } as const;
}

/** Header and footer codes start with "&": a literal ampersand is written twice. */
function headerText(text: string): string {
  return text.replaceAll('&', '&&');
}

const WRAP = { wrapText: true, vertical: 'top' } as const;
const TOP = { vertical: 'top' } as const;
const LINE_HEIGHT = 15;
/** Chinese lines are a little taller than the spreadsheet's 15 points (LibreOffice cut a third line's last character at 45). */
const ROW_PADDING = 4;

/** Columns a text takes: Chinese characters about two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return width;
}

/** Lines a paragraph takes when wrapped at `usable` columns: between words, or between any two Chinese characters. */
function wrappedLines(paragraph: string, usable: number): number {
  let lines = 1;
  let used = 0;
  for (const token of paragraph.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+/gu) ?? []) {
    if (/^\s+$/.test(token)) {
      if (used > 0) used += 1;
      continue;
    }
    const width = textWidth(token);
    if (used > 0 && used + width > usable) {
      lines++;
      used = 0;
    }
    // A word longer than the column is broken inside.
    lines += Math.floor(Math.max(0, width - 1) / usable);
    used += width % usable || Math.min(width, usable);
  }
  return lines;
}

/**
 * The height a row needs for its wrapped cells. Spreadsheets do not grow a row to
 * fit wrapped text when they open a file, so the writer sets it (an estimate: a
 * little more room than needed rather than a cut line).
 */
export function rowHeight(cells: readonly Value[], widths: readonly number[], wrapped: (c: number) => boolean): number | undefined {
  let lines = 1;
  cells.forEach((cell, c) => {
    if (typeof cell !== 'string' || cell === '' || !wrapped(c)) return;
    const usable = Math.max(1, (widths[c] ?? 10) - 1);
    // Most cells are short: no character is wider than two columns, nor is a line break.
    if (cell.length * 2 <= usable && !cell.includes('\n')) return;
    const needed = cell.split('\n').reduce((sum, part) => sum + wrappedLines(part, usable), 0);
    lines = Math.max(lines, needed);
  });
  return lines > 1 ? lines * LINE_HEIGHT + ROW_PADDING : undefined;
}

/**
 * Writes `content` to `file` (mode 0600) with exceljs's streaming writer; `last`, when
 * given, is a sheet that comes after the others, written when it arrives.
 */
export async function writeWorkbookFile(file: string, content: WorkbookContent, last?: Promise<SheetContent>): Promise<void> {
  await writeStreamingWorkbook(file, content.created, async (workbook) => {
    for (const sheetContent of content.sheets) writeSheet(workbook, sheetContent, content);
    if (last) writeSheet(workbook, await last, content);
  });
}

export type StreamingWorkbook = InstanceType<typeof import('exceljs')['stream']['xlsx']['WorkbookWriter']>;

/**
 * A workbook streamed into `file` (mode 0600): rows go to native zlib as they are
 * committed, no document model is built. `fill` adds the sheets; the promise ends
 * when the file is closed, or at the first write error (ENOSPC, EFBIG).
 */
export async function writeStreamingWorkbook(
  file: string,
  created: Date,
  fill: (workbook: StreamingWorkbook) => Promise<void> | void,
): Promise<void> {
  const WorkbookWriter = workbookWriterClass();
  useNativeCrc();
  storeWholeParts();
  const output = createWriteStream(file, { mode: 0o600 });
  // `on`, not `once`: a full disk fails every later write too, and none may go unhandled.
  const closed = new Promise<void>((resolve, reject) => output.once('close', resolve).on('error', reject));
  closed.catch(() => undefined); // awaited below, with the commit
  const workbook = new WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
    created,
    modified: created,
  } as never);
  workbook.creator = 'rollcall';
  await fill(workbook);
  // A write error ends the wait at once: exceljs's commit would wait forever.
  await Promise.all([workbook.commit(), closed]);
}

function writeSheet(workbook: StreamingWorkbook, sheetContent: SheetContent, content: WorkbookContent): void {
  const columns = sheetContent.columns;
  const freeze = columns
    ? { state: 'frozen', ySplit: 1 }
    : sheetContent.freezeColumns
      ? { state: 'frozen', xSplit: sheetContent.freezeColumns }
      : null;
  const sheet = workbook.addWorksheet(sheetContent.name, {
    ...(freeze ? { views: [freeze] } : {}),
    pageSetup: pageSetup(sheetContent),
    headerFooter: {
      oddHeader: `&L${headerText(content.pageHeader)}&R${headerText(sheetContent.name)}`,
      oddFooter: `&C${content.pageFooter}`,
    },
  } as never);
  // One style object per column, shared by its cells: exceljs knows a style it has
  // seen by the object, so 10,000 rows cost a style lookup each, not a style built each.
  const shared = columns?.map((column) => ({
    ...(column.text ? { numFmt: '@' } : column.date ? { numFmt: 'yyyy-mm-dd' } : {}),
    // Top-aligned, so that a row grown for a wrapped cell still reads across.
    alignment: column.wrap ? WRAP : TOP,
  }));
  const sharedDate = shared?.map((style) => ({ ...style, numFmt: 'yyyy-mm-dd' }));
  if (columns) {
    sheet.columns = columns.map((column, c) => ({ header: column.header, width: column.width, style: shared?.[c] }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    const height = rowHeight(
      columns.map((column) => column.header),
      columns.map((column) => column.width),
      () => true,
    );
    if (height) header.height = height;
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  } else if (sheetContent.widths) {
    sheet.columns = sheetContent.widths.map((width) => ({ width }));
  }
  if (sheetContent.rendered) {
    sheet.getRow(1).commit();
    writeRenderedRows(sheet, sheetContent.rendered);
    sheet.commit();
    return;
  }
  const widths = columns ? columns.map((column) => column.width) : (sheetContent.widths ?? []);
  const wrapped = (c: number) => (columns ? columns[c]?.wrap === true : true);
  if (shared && sharedDate && sheetContent.rows.every(({ bold, heading, percent }) => !bold && !heading && !percent)) {
    // A table's rows (the case lists: tens of thousands a night) as raw rows in the
    // columns' shared styles: what exceljs would write, without a Row and a Cell object a value.
    sheet.getRow(1).commit();
    writeRawRows(sheet, sheetContent.rows, {
      styles: shared.map((style) => styleNumber(workbook, style, 'text')),
      dateStyles: sharedDate.map((style) => styleNumber(workbook, style, 'date')),
      height: (cells) => rowHeight(cells, widths, wrapped),
    });
    sheet.commit();
    return;
  }
  for (const { cells, bold, heading, percent } of sheetContent.rows) {
    const row = sheet.addRow([...cells]);
    if (bold) row.font = { bold: true };
    if (!columns) row.alignment = heading ? TOP : WRAP;
    const height = heading ? undefined : rowHeight(cells, widths, wrapped);
    if (height) row.height = height;
    if (shared && sharedDate && !bold && !percent) {
      row.eachCell((cell, column) => {
        const style = cell.value instanceof Date ? sharedDate[column - 1] : shared[column - 1];
        if (style) cell.style = style;
      });
    } else {
      cells.forEach((cell, c) => {
        if (cell instanceof Date && !columns?.[c]?.date) row.getCell(c + 1).numFmt = 'yyyy-mm-dd';
      });
    }
    for (const c of percent ?? []) row.getCell(c + 1).numFmt = '0.0%';
    row.commit();
  }
  sheet.commit();
}
