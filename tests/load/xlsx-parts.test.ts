import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../src/load/read-xlsx.js';
import type { Cell } from '../../src/load/rows.js';
import { isDateFormat, isDateFormatCode, serialToDate } from '../../src/load/xlsx-dates.js';
import { resolveTarget } from '../../src/load/xlsx-package.js';
import { SheetProblem, SheetScanner } from '../../src/load/xlsx-sheet.js';
import { decodeOoxmlEscapes } from '../../src/load/xlsx-xml.js';

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('number formats that show a date', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['yyyy/m/d;@', true],
    ['yyyy"年"m"月"d"日"', true],
    ['[$-804]yyyy"年"m"月"d"日";@', true],
    ['[DBNum1][$-804]yyyy"年"m"月"d"日', true],
    ['m"月"d"日"', true],
    ['[h]:mm:ss', true],
    ['h:mm AM/PM', true],
    ['General', false],
    ['0', false],
    ['@', false],
    ['0.00E+00', false],
    ['#,##0.00_);[Red](#,##0.00)', false],
    ['"年龄"0"岁"', false],
    ['[$¥-804]#,##0.00', false],
    ['0;[Red]-0;"—"', false],
  ])('%s → %s', (code, date) => {
    expect(isDateFormatCode(code)).toBe(date);
  });

  it('knows the built-in ids, East Asian ones included, and prefers a format code when there is one', () => {
    for (const id of [14, 15, 16, 17, 22, 27, 30, 31, 36, 45, 50, 57, 58]) expect(isDateFormat(id, undefined)).toBe(true);
    for (const id of [0, 1, 2, 10, 11, 12, 37, 44, 49, 59, 164]) expect(isDateFormat(id, undefined)).toBe(false);
    expect(isDateFormat(14, '0')).toBe(false);
    expect(isDateFormat(165, 'yyyy\\-mm\\-dd')).toBe(true);
  });
});

describe('serial numbers as days', () => {
  it.each([
    [1, false, day(1900, 1, 1)],
    [59, false, day(1900, 2, 28)],
    [60, false, null], // 1900-02-29 never was
    [61, false, day(1900, 3, 1)],
    [42068, false, day(2015, 3, 5)],
    [42068.75, false, day(2015, 3, 5)],
    [42067.999999999, false, day(2015, 3, 5)],
    [0, true, day(1904, 1, 1)],
    [40606, true, day(2015, 3, 5)],
    [-1, false, null],
    [2958466, false, null],
  ])('%s (1904: %s) → %s', (serial, date1904, expected) => {
    expect(serialToDate(serial, date1904)).toEqual(expected);
  });
});

describe('parts and text', () => {
  it('resolves relationship targets relative to the part, or from the package root', () => {
    expect(resolveTarget('xl/', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/', './worksheets/../worksheets/sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(resolveTarget('xl/', 'worksheets/%E5%AD%A6%E7%94%9F.xml')).toBe('xl/worksheets/学生.xml');
    expect(resolveTarget('xl/', 'worksheets\\sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
  });

  it('decodes the OOXML escapes _xHHHH_ (a line break in a cell), and a literal "_x" escaped as _x005F_', () => {
    expect(decodeOoxmlEscapes('城关_x000D__x000A_小学')).toBe('城关\r\n小学');
    expect(decodeOoxmlEscapes('_x005F_x0041_')).toBe('_x0041_');
    expect(decodeOoxmlEscapes('plain_text')).toBe('plain_text');
  });
});

/** A sheet with every construct the scanner must carry across chunk boundaries. */
const SHEET =
  '<?xml version="1.0" encoding="UTF-8"?><!-- exported --><x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main">' +
  '<x:dimension ref="A1:AB4"/><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:r><x:t>李</x:t></x:r><x:r><x:rPr><x:b/></x:rPr>' +
  '<x:t xml:space="preserve">巧丽 </x:t></x:r><x:rPh sb="0" eb="1"><x:t>li</x:t></x:rPh></x:is></x:c><x:c r="AB1" s="1"><x:v>42068</x:v></x:c></x:row>' +
  '<x:row><x:c t="str"><x:f>A1&amp;"&lt;&gt;"</x:f><x:v>李巧丽 &lt;&gt; &#x1F600;&#20013;</x:v></x:c><x:c s="2"><x:v>341324201503050012</x:v></x:c>' +
  '<x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c s="1"><x:f>TODAY()</x:f></x:c><x:c t="inlineStr"><x:is><x:t><![CDATA[a<b]]></x:t></x:is></x:c></x:row>' +
  '<x:row r="4" spans="1:3"/></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';

function scan(chunks: readonly string[]): { rows: [number, Cell[]][]; formulas: number; ended: boolean } {
  const rows: [number, Cell[]][] = [];
  const sheet = new SheetScanner({
    sharedStrings: [],
    dateStyles: Uint8Array.from([0, 1, 0]),
    date1904: false,
    row: (cells, row) => rows.push([row, cells]),
  });
  for (const chunk of chunks) sheet.scanner.push(chunk);
  return { rows, formulas: sheet.formulasWithoutValue, ended: sheet.ended && sheet.scanner.end() };
}

describe('the sheet scanner', () => {
  const whole = scan([SHEET]);

  it('reads rich text, phonetic runs, formulas, entities, CDATA, booleans, errors, dates and numbers', () => {
    const bottomRight: Cell[] = Array.from({ length: 28 }, () => null);
    bottomRight[0] = '李巧丽 ';
    bottomRight[27] = day(2015, 3, 5);
    expect(whole.rows).toEqual([
      [1, bottomRight],
      [2, ['李巧丽 <> 😀中', 341324201503050012, true, null, null, 'a<b']],
      [4, []],
    ]);
    expect(whole.formulas).toBe(1);
    expect(whole.ended).toBe(true);
  });

  it('keeps a number in a cell that is not date-formatted a number (an ID the record builder reports)', () => {
    expect(typeof whole.rows[1]![1][1]).toBe('number');
  });

  // Without prefixes, most cells take the scanner's one-step path for <c><v>…</v></c>.
  const plain = SHEET.replaceAll('<x:', '<').replaceAll('</x:', '</').replace('xmlns:x=', 'xmlns=');

  it.each([1, 2, 3, 5, 7, 11, 64])('gives the same rows when the XML arrives in chunks of %i characters', (size) => {
    for (const xml of [SHEET, plain]) {
      const chunks = Array.from({ length: Math.ceil(xml.length / size) }, (_, i) => xml.slice(i * size, (i + 1) * size));
      expect(scan(chunks)).toEqual(whole);
    }
    expect(scan([plain])).toEqual(whole);
  });

  it.each([
    ['<row r="3"/><row r="2"/>', 'row_out_of_order', 3, 2],
    ['<row r="5"/><row r="5"/>', 'row_out_of_order', 5, 5],
    ['<row r="1048577"/>', 'row_out_of_range', 0, 1_048_577],
    ['<row r="2"><c r="XFE2"/></row>', 'column_out_of_range', 2, 16_385],
    ['<row r="2"><c r="A2" t="s"><v>7</v></c></row>', 'shared_string_missing', 2, 7],
  ])('stops at a damaged sheet: %s', (rows, kind, row, value) => {
    const xml = `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
    let problem: unknown = null;
    try {
      scan([xml]);
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(SheetProblem);
    expect(problem).toMatchObject({ kind, row, value });
  });

  it('keeps the merged ranges that span rows (after </sheetData>), and none that spans one row only', () => {
    const xml =
      '<x:worksheet xmlns:x="x"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData>' +
      '<x:mergeCells count="4"><x:mergeCell ref="A1:F1"/><x:mergeCell ref="B3:B40"/><x:mergeCell ref="$AB$7:$AA$5"/><x:mergeCell ref="C2"/></x:mergeCells></x:worksheet>';
    const sheet = new SheetScanner({ sharedStrings: [], dateStyles: new Uint8Array(0), date1904: false, row: () => undefined });
    for (let i = 0; i < xml.length; i += 7) sheet.scanner.push(xml.slice(i, i + 7));
    expect(sheet.mergedRanges).toEqual([
      { firstRow: 3, lastRow: 40, firstColumn: 1, lastColumn: 1 },
      { firstRow: 5, lastRow: 7, firstColumn: 26, lastColumn: 27 },
    ]);
  });

  it('knows a sheet cut short', () => {
    expect(scan([SHEET.slice(0, SHEET.indexOf('</x:sheetData>'))]).ended).toBe(false);
    expect(scan([SHEET.slice(0, SHEET.indexOf('</x:sheetData>') + 5)]).ended).toBe(false);
  });
});

describe('reading leaves nothing behind', () => {
  it('writes no temporary copy of a sheet that comes before the shared strings in the zip', async () => {
    const file = join(import.meta.dirname, '..', '..', 'fixtures', 'xlsx', 'hand-shared-strings.xlsx');
    // The fixture's zip holds the sheet before sharedStrings.xml (exceljs copied such sheets to /tmp).
    const bytes = readFileSync(file);
    expect(bytes.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(bytes.indexOf('xl/sharedStrings.xml'));
    const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));
    const before = leftovers();
    const rows: Cell[][] = [];
    await readXlsxRows(file, null, { start: () => undefined, row: (cells) => rows.push([...cells]), broken: () => undefined });
    expect(rows).toHaveLength(5);
    expect(leftovers()).toEqual(before);
  });
});

describe('progress', () => {
  it('reports bytes read of the file size, ending at the whole file', async () => {
    const file = join(import.meta.dirname, '..', '..', 'fixtures', 'xlsx', 'exceljs-hidden-first-sheet.xlsx');
    const calls: [number, number][] = [];
    await readXlsxRows(file, null, { start: () => undefined, row: () => undefined, broken: () => undefined }, (read, total) =>
      calls.push([read, total]),
    );
    const size = readFileSync(file).length;
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.every(([read, total]) => total === size && read >= 0 && read <= size)).toBe(true);
    expect(calls.at(-1)).toEqual([size, size]);
  });
});
