import { createWriteStream } from 'node:fs';
import { writeRawRows } from './raw-rows.js';

// Writing a workbook's content with exceljs. Kept apart from the content so that it
// can run in a worker thread (workbook-writer.ts): it receives plain data only.

export type Value = string | number | Date | null;

export interface SheetColumn {
  readonly header: string;
  readonly width: number;
  /** Stored as text (ID numbers: as numbers Excel would destroy their last digits). */
  readonly text?: boolean;
  readonly date?: boolean;
}

export interface SheetContent {
  readonly name: string;
  /** A table: a bold, frozen, filterable header row over these columns. */
  readonly columns?: readonly SheetColumn[];
  /** Column widths of a sheet that is not a table. */
  readonly widths?: readonly number[];
  readonly rows: { readonly cells: readonly Value[]; readonly bold?: boolean }[];
  /** Rows written as plain values, without exceljs's per-cell objects (very large sheets: raw-rows.ts). */
  readonly raw?: boolean;
}

export interface WorkbookContent {
  readonly created: Date;
  readonly sheets: readonly SheetContent[];
}

/** Writes `content` to `file` (mode 0600) with exceljs's streaming writer. */
export async function writeWorkbookFile(file: string, content: WorkbookContent): Promise<void> {
  const { default: Excel } = await import('exceljs');
  const output = createWriteStream(file, { mode: 0o600 });
  const closed = new Promise<void>((resolve, reject) => output.once('close', resolve).once('error', reject));
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false, created: content.created, modified: content.created } as never);
  workbook.creator = 'rollcall';
  for (const sheetContent of content.sheets) {
    const columns = sheetContent.columns;
    const sheet = workbook.addWorksheet(sheetContent.name, columns ? { views: [{ state: 'frozen', ySplit: 1 }] } : {});
    if (columns) {
      sheet.columns = columns.map((column) => ({
        header: column.header,
        width: column.width,
        style: column.text ? { numFmt: '@' } : column.date ? { numFmt: 'yyyy-mm-dd' } : {},
      }));
      sheet.getRow(1).font = { bold: true };
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    } else if (sheetContent.widths) {
      sheet.columns = sheetContent.widths.map((width) => ({ width }));
    }
    if (sheetContent.raw) {
      sheet.getRow(1).commit();
      writeRawRows(sheet, sheetContent.rows);
      sheet.commit();
      continue;
    }
    for (const { cells, bold } of sheetContent.rows) {
      const row = sheet.addRow([...cells]);
      if (bold) row.font = { bold: true };
      cells.forEach((cell, c) => {
        if (cell instanceof Date && !columns?.[c]?.date) row.getCell(c + 1).numFmt = 'yyyy-mm-dd';
      });
      row.commit();
    }
    sheet.commit();
  }
  await workbook.commit();
  await closed;
}
