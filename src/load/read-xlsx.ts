import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { RollcallError } from '../domain/index.js';
import { fixStreamingUtf8 } from './exceljs-utf8.js';
import type { Cell, ProgressCallback, RowSink } from './rows.js';

/**
 * Streams the first sheet (or the named one) of an .xlsx workbook into `sink`,
 * through exceljs's streaming reader: rows are handed over as they are parsed.
 * Date cells arrive as Dates (styles are read for that), numbers as numbers.
 */
export async function readXlsxRows(
  file: string,
  sheetName: string | null,
  sink: RowSink,
  onProgress?: ProgressCallback,
): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  fixStreamingUtf8(ExcelJS);
  const { size } = await stat(file);
  const input = createReadStream(file);
  let bytesRead = 0;
  input.on('data', (chunk) => {
    bytesRead += chunk.length;
    onProgress?.(bytesRead, size);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });

  const seen: string[] = [];
  let found = false;
  try {
    for await (const worksheet of workbook) {
      const name = (worksheet as unknown as { name: string }).name;
      seen.push(name);
      const wanted = sheetName ?? firstSheetName(workbook) ?? name;
      if (found) break; // the sheet that counts has been read
      if (name !== wanted) {
        for await (const _row of worksheet) {
          // drain a sheet that is not read, so the workbook stream moves on
        }
        continue;
      }
      found = true;
      sink.start({ encoding: null, sheet: name, expectFieldCount: () => undefined });
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c]));
        sink.row(cells, row.number);
      }
    }
  } catch (error) {
    if (error instanceof RollcallError) throw error;
    input.destroy();
    throw new RollcallError(
      'file_format',
      `${file}: not a readable .xlsx workbook (${(error as Error).message}) — open it in Excel and save it again as .xlsx, or export it as CSV`,
      { cause: error },
    );
  }
  input.destroy();
  if (!found) {
    const which = sheetName ? `has no sheet named "${sheetName}"` : 'has no sheets';
    throw new RollcallError(
      'file_format',
      `${file}: ${which} (sheets found: ${seen.join(', ') || 'none'}) — set "sheet" for this source in the config file to one of them`,
    );
  }
}

/** The first sheet in the workbook's tab order, once workbook.xml has been read. */
function firstSheetName(workbook: unknown): string | undefined {
  const model = (workbook as { model?: { sheets?: { name: string }[] } }).model;
  return model?.sheets?.[0]?.name;
}

/** exceljs cell values → plain values: rich text joined, formulas by their result. */
function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value as Cell;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((part) => part.text).join('');
  if ('result' in v) return cellValue(v.result);
  if ('formula' in v || 'sharedFormula' in v) return null;
  if (typeof v.text === 'string') return v.text;
  if ('error' in v) return null;
  return String(value);
}
