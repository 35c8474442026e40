import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Case, CaseLedger } from '../../src/domain/index.js';
import { generateCounty, type GeneratedCounty } from '../../src/generate/index.js';
import { runRollcall, type CliResult } from '../helpers/cli.js';
import { join, tempDir } from '../helpers/files.js';
import { ExcelJS, readWorkbook } from '../helpers/xlsx.js';

// Shared by the follow-up tests: a small generated county, a night with a ledger,
// its packs, and a township clerk filling a pack in with exceljs.

export const NIGHT_1 = '2026-09-20';
/** The clerk's clock on the days after night 1 (local time, as the CLI reads today). */
export const DAY_AFTER = new Date(2026, 8, 25, 10, 0);

export async function makeCounty(): Promise<GeneratedCounty> {
  return generateCounty({ people: 2000, seed: 7, asOf: 20260920, flavor: 'clean' }, tempDir('rollcall-followup-county-'));
}

export function sources(county: GeneratedCounty): string[] {
  return Object.entries(county.files).flatMap(([source, file]) => [`--${source}`, join(county.dir, file)]);
}

export function reconcile(county: GeneratedCounty, ledger: string, out: string, asOf: string, extra: string[] = []): Promise<CliResult> {
  return runRollcall(
    ['reconcile', ...sources(county), '--as-of', asOf, '--out', out, '--ledger', ledger, '--log-level', 'warn', ...extra],
    DAY_AFTER,
  );
}

export function rollcall(args: string[], now: Date = DAY_AFTER): Promise<CliResult> {
  return runRollcall(args, now);
}

export type LedgerCase = Case & { ledger: CaseLedger };

export function readCases(out: string): LedgerCase[] {
  return readFileSync(join(out, 'cases.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LedgerCase);
}

export function packFiles(out: string, folder: '乡镇' | '学校'): string[] {
  const dir = join(out, 'packs', folder);
  return existsSync(dir)
    ? readdirSync(dir)
        .sort()
        .map((file) => join(dir, file))
    : [];
}

/** A night-1 ledger and report, copied so that each test works on its own. */
export interface Night {
  readonly dir: string;
  readonly ledger: string;
  readonly out: string;
}

export function copyNight(night: Night): Night {
  const dir = tempDir('rollcall-followup-');
  const ledger = join(dir, 'ledger.sqlite');
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(night.ledger + suffix)) copyFileSync(night.ledger + suffix, ledger + suffix);
  return { dir, ledger, out: night.out };
}

/** Column of each header in a pack's 待跟进 sheet (header row 2), by header text. */
export function headerColumns(sheet: ExcelJS.Worksheet, headerRow = 2): Map<string, number> {
  const columns = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, col) => columns.set(String(cell.value), col));
  return columns;
}

export interface Fill {
  readonly 跟进日期?: string | Date | number;
  readonly 跟进类型?: string;
  readonly 方式?: string;
  readonly 结论?: string;
  readonly 说明?: string;
  readonly 经办人?: string;
  /** Overwrites the key (a clerk's slip). */
  readonly 案例编号?: string;
}

/** What a township clerk does: opens the pack, fills rows (by case id), saves it under another name. */
export async function fillPack(pack: string, fills: ReadonlyMap<string, Fill>, saveAs: string): Promise<string> {
  const workbook = await readWorkbook(pack);
  const sheet = workbook.getWorksheet('待跟进')!;
  const columns = headerColumns(sheet);
  const keyColumn = columns.get('案例编号')!;
  for (let r = 3; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const fill = fills.get(String(row.getCell(keyColumn).value));
    if (!fill) continue;
    for (const [header, value] of Object.entries(fill)) row.getCell(columns.get(header)!).value = value as ExcelJS.CellValue;
  }
  await workbook.xlsx.writeFile(saveAs);
  return saveAs;
}

/** The case ids of a pack, in its row order. */
export async function packCaseIds(pack: string): Promise<string[]> {
  const workbook = await readWorkbook(pack);
  const sheet = workbook.getWorksheet('待跟进')!;
  const keyColumn = headerColumns(sheet).get('案例编号')!;
  const ids: string[] = [];
  for (let r = 3; r <= sheet.rowCount; r++) {
    const value = sheet.getRow(r).getCell(keyColumn).value;
    if (value) ids.push(String(value));
  }
  return ids;
}

/** The 待跟进 sheet's cells as values, row by row (row 1 is the title). */
export async function packGrid(pack: string): Promise<ExcelJS.CellValue[][]> {
  const sheet = (await readWorkbook(pack)).getWorksheet('待跟进')!;
  const grid: ExcelJS.CellValue[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: ExcelJS.CellValue[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) row.push(sheet.getCell(r, c).value);
    grid.push(row);
  }
  return grid;
}

/**
 * A pack as another program saves it: a new workbook from the pack's values,
 * transformed (rows sorted, columns moved), with the hidden identity sheet kept
 * (or left out, or changed) and sheets added around it.
 */
export async function rewritePack(
  pack: string,
  saveAs: string,
  options: {
    grid?: (grid: ExcelJS.CellValue[][]) => ExcelJS.CellValue[][];
    identity?: (rows: [string, string][]) => [string, string][] | null;
    hide?: string[];
    extraSheetFirst?: boolean;
  } = {},
): Promise<string> {
  const source = await readWorkbook(pack);
  const grid = (options.grid ?? ((g) => g))(await packGrid(pack));
  const identityRows: [string, string][] = [];
  source.getWorksheet('rollcall')?.eachRow((row) => identityRows.push([String(row.getCell(1).value), String(row.getCell(2).value)]));
  const workbook = new ExcelJS.Workbook();
  if (options.extraSheetFirst) workbook.addWorksheet('说明').addRow(['本表由乡镇填写后交回']);
  const sheet = workbook.addWorksheet('待跟进');
  for (const row of grid) sheet.addRow(row);
  for (const header of options.hide ?? []) {
    const col = grid[1]!.indexOf(header);
    sheet.getColumn(col + 1).hidden = true;
  }
  const identity = options.identity ? options.identity(identityRows) : identityRows;
  if (identity) {
    const hidden = workbook.addWorksheet('rollcall', { state: 'hidden' });
    for (const row of identity) hidden.addRow(row);
  }
  await workbook.xlsx.writeFile(saveAs);
  return saveAs;
}

/** Moves the column headed `header` to the end, in every row. */
export function moveColumnToEnd(grid: ExcelJS.CellValue[][], header: string): ExcelJS.CellValue[][] {
  const col = grid[1]!.indexOf(header);
  return grid.map((row, r) => (r === 0 ? row : [...row.slice(0, col), ...row.slice(col + 1), row[col] ?? null]));
}

/** Sorts the case rows (below the header) by `compare`, as Excel's sort does. */
export function sortRows(
  grid: ExcelJS.CellValue[][],
  compare: (a: ExcelJS.CellValue[], b: ExcelJS.CellValue[]) => number,
): ExcelJS.CellValue[][] {
  return [grid[0]!, grid[1]!, ...grid.slice(2).sort(compare)];
}
