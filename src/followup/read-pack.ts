import type ExcelJS from 'exceljs';
import type { MessageKey, Params } from '../i18n/index.js';
import type { RawEntry, RawValue } from './check-entry.js';
import { IDENTITY_SHEET, identityFrom, type PackIdentity } from './pack-identity.js';
import { FILL_FIELDS, fillHeaders, REQUIRED_FIELDS, type FillField } from './vocabulary.js';

// SPEC §9 import: a returned pack as the township saved it. Excel or WPS may have
// re-saved it, sorted its rows, hidden or moved columns, or added sheets: columns
// are found by their header text, rows by the 案例编号 column, on every sheet that
// has that header.

/** Header rows are looked for in the first rows of a sheet (the pack has a title row above its header). */
const HEADER_SEARCH_ROWS = 10;

export interface PackRow {
  readonly sheet: string;
  /** The spreadsheet row number, as Excel shows it. */
  readonly row: number;
  readonly values: RawEntry;
  /** Header text of each field's column, as the sheet writes it (for the problems). */
  readonly headers: Readonly<Record<FillField, string>>;
}

export interface FileProblem {
  readonly key: MessageKey;
  readonly params: Params;
}

export interface ReadPack {
  readonly identity: PackIdentity | null;
  readonly rows: readonly PackRow[];
  readonly problems: readonly FileProblem[];
}

export async function readPack(file: string): Promise<ReadPack> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    // The library's own text is English and names its internals: the clerk is told what to do instead.
    return { identity: null, rows: [], problems: [{ key: 'followup.import.unreadable', params: {} }] };
  }
  const identitySheet = workbook.getWorksheet(IDENTITY_SHEET);
  const identity = identitySheet ? identityFrom(keyValues(identitySheet)) : null;

  const rows: PackRow[] = [];
  const problems: FileProblem[] = [];
  let sheetsWithKey = 0;
  workbook.eachSheet((sheet) => {
    if (sheet === identitySheet) return;
    const found = findHeader(sheet);
    if (!found) return;
    sheetsWithKey++;
    const { headerRow, columns, duplicates } = found;
    for (const column of duplicates) problems.push({ key: 'followup.import.duplicate_column', params: { sheet: sheet.name, column } });
    const missing = REQUIRED_FIELDS.filter((field) => columns[field] === undefined);
    for (const field of missing)
      problems.push({ key: 'followup.import.missing_column', params: { sheet: sheet.name, column: fillHeaders(field)[0]! } });
    if (missing.length > 0 || duplicates.length > 0) return;
    const headers = Object.fromEntries(FILL_FIELDS.map((field) => [field, columns[field]?.header ?? fillHeaders(field)[0]!])) as Record<
      FillField,
      string
    >;
    for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const values = Object.fromEntries(
        FILL_FIELDS.map((field) => [field, columns[field] ? rawValue(row.getCell(columns[field].index).value) : null]),
      ) as RawEntry;
      rows.push({ sheet: sheet.name, row: r, values, headers });
    }
  });
  if (sheetsWithKey === 0) problems.push({ key: 'followup.import.no_key_column', params: {} });
  return { identity, rows, problems };
}

interface FoundHeader {
  readonly headerRow: number;
  readonly columns: Partial<Record<FillField, { index: number; header: string }>>;
  readonly duplicates: string[];
}

function findHeader(sheet: ExcelJS.Worksheet): FoundHeader | null {
  const wanted = new Map<string, FillField>();
  for (const field of FILL_FIELDS) for (const header of fillHeaders(field)) wanted.set(headerKey(header), field);
  const keyHeaders = new Set(fillHeaders('case_id').map(headerKey));
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    let hasKey = false;
    row.eachCell((cell) => {
      if (keyHeaders.has(headerKey(textOf(rawValue(cell.value))))) hasKey = true;
    });
    if (!hasKey) continue;
    const columns: FoundHeader['columns'] = {};
    const duplicates: string[] = [];
    row.eachCell((cell, index) => {
      const header = textOf(rawValue(cell.value));
      const field = wanted.get(headerKey(header));
      if (!field) return;
      if (columns[field]) duplicates.push(header);
      else columns[field] = { index, header };
    });
    return { headerRow: r, columns, duplicates };
  }
  return null;
}

/** Headers compare without spaces, line breaks and full-width forms (a clerk may wrap a header). */
function headerKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function keyValues(sheet: ExcelJS.Worksheet): Map<string, string> {
  const values = new Map<string, string>();
  sheet.eachRow((row) => {
    const key = textOf(rawValue(row.getCell(1).value));
    if (key !== '') values.set(key, textOf(rawValue(row.getCell(2).value)));
  });
  return values;
}

/** A cell's value as exceljs reads it, reduced to what a person typed (rich text, formulas' results, links' text). */
function rawValue(value: ExcelJS.CellValue): RawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return rawValue((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

function textOf(value: RawValue): string {
  return value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
}
