import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../src/load/read-xlsx.js';
import type { Cell } from '../../src/load/rows.js';
import { tempDir } from '../helpers/files.js';

// Random sheets written by exceljs (both its writers) read back cell for cell:
// strings with CJK, emoji, XML specials and outer spaces; integers, fractions,
// negative and 15-digit numbers; dates; empty cells.

const PIECES = [
  '张',
  '王',
  '李巧丽',
  '阿依古丽·买提',
  '𠮷',
  '😀',
  '👨‍👩‍👧',
  '<',
  '>',
  '&',
  '"',
  "'",
  '&amp;',
  ']]>',
  ' ',
  'a',
  'Z',
  '0',
  '9',
  '\t',
  '\n',
  '々',
  'ｱ',
  'é',
];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

type Value = string | number | Date | null;

function randomValue(next: () => number): Value {
  const kind = Math.floor(next() * 6);
  if (kind === 0) return null;
  if (kind === 1) return Math.floor(next() * 2e6) - 1e6;
  if (kind === 2) return Number((next() * 1000 - 500).toFixed(Math.floor(next() * 6)));
  if (kind === 3) return 100000000000000 + Math.floor(next() * 899999999999999);
  if (kind === 4) return new Date(Date.UTC(1950 + Math.floor(next() * 80), Math.floor(next() * 12), 1 + Math.floor(next() * 28)));
  const length = 1 + Math.floor(next() * 8);
  return Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]!).join('');
}

function randomSheet(seed: number): Value[][] {
  const next = random(seed);
  const rows = 1 + Math.floor(next() * 30);
  const columns = 1 + Math.floor(next() * 30); // up to AD: one- and two-letter columns
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => randomValue(next)));
}

async function write(path: string, rows: Value[][], streaming: boolean): Promise<void> {
  if (streaming) {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet('随机');
    for (const row of rows) {
      const added = sheet.addRow(row.map((value) => value ?? undefined));
      row.forEach((value, c) => {
        if (value instanceof Date) added.getCell(c + 1).numFmt = 'yyyy-mm-dd';
      });
      added.commit();
    }
    sheet.commit();
    await workbook.commit();
    return;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('随机');
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null) return;
      const cell = sheet.getCell(r + 1, c + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'yyyy年m月d日';
    });
  });
  await workbook.xlsx.writeFile(path);
}

async function read(path: string): Promise<Map<number, Cell[]>> {
  const rows = new Map<number, Cell[]>();
  await readXlsxRows(path, null, { start: () => undefined, row: (cells, row) => rows.set(row, [...cells]), broken: () => undefined });
  return rows;
}

/** The written rows as the reader should hand them over: trailing empty cells left off, empty rows absent or empty. */
function expected(rows: Value[][]): Map<number, Cell[]> {
  const map = new Map<number, Cell[]>();
  rows.forEach((row, r) => {
    const cells: Cell[] = [...row];
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.length > 0) map.set(r + 1, cells);
  });
  return map;
}

function withoutEmptyRows(rows: Map<number, Cell[]>): Map<number, Cell[]> {
  return new Map([...rows].filter(([, cells]) => cells.some((cell) => cell !== null)));
}

describe('random sheets written by exceljs read back identically', () => {
  const dir = tempDir();
  it.each(Array.from({ length: 24 }, (_, i) => [i + 1, i % 2 === 1] as const))(
    'seed %i (streaming writer: %s)',
    async (seed, streaming) => {
      const rows = randomSheet(seed);
      const path = join(dir, `random-${seed}.xlsx`);
      await write(path, rows, streaming);
      expect(withoutEmptyRows(await read(path))).toEqual(expected(rows));
    },
  );
});
