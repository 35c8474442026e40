import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export function tempDir(prefix = 'rollcall-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface CsvOptions {
  encoding?: 'utf-8' | 'gb18030';
  bom?: boolean;
  eol?: '\n' | '\r\n';
}

/** Writes rows as CSV, quoting only where needed, in the encoding asked for. */
export function writeCsv(path: string, rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const eol = options.eol ?? '\n';
  const text = rows.map((row) => row.map(quote).join(',')).join(eol) + eol;
  const bytes = options.encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
  writeFileSync(path, options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes);
  return path;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export type XlsxCell = string | number | Date | null;

/** Writes a workbook with exceljs; Date cells get a date format, as Excel stores them. */
export async function writeXlsx(path: string, sheets: Record<string, readonly (readonly XlsxCell[])[]>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = sheet.getCell(r + 1, c + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      });
    });
  }
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Writes one sheet with exceljs's streaming writer and inline strings, as large exports are. */
export async function writeXlsxStreaming(path: string, rows: readonly (readonly XlsxCell[])[]): Promise<string> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow([...row]).commit();
  sheet.commit();
  await workbook.commit();
  return path;
}

export function writeText(path: string, text: string | Buffer): string {
  writeFileSync(path, text);
  return path;
}

export { join };
