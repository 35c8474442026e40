import { describe, expect, it } from 'vitest';
import { renderRows } from '../../src/report/raw-rows.js';
import { writeWorkbookFile } from '../../src/report/workbook-file.js';
import { join, tempDir } from '../helpers/files.js';
import { readWorkbook } from '../helpers/xlsx.js';

describe('raw rows (the 150,000-row 适龄儿童台账, report/raw-rows.ts)', () => {
  it('reads back as written: text stays text (never a formula), numbers numbers, empty cells empty', async () => {
    const file = join(tempDir(), 'raw.xlsx');
    const rows = [
      { cells: ['城关镇', '341324201912098504', 3, null, '=HYPERLINK("x")', 'a & b <c> "d"', 'bell\u0007gone', '', ' 两端 ', 'AA'] },
      ...Array.from({ length: 3000 }, (_, i) => ({ cells: [`第${i}行`, String(i), i] })),
    ];
    const columns = Array.from({ length: 27 }, (_, i) => ({ header: `h${i}`, width: 10 }));
    await writeWorkbookFile(file, {
      created: new Date(0),
      pageHeader: '',
      pageFooter: '',
      sheets: [
        { name: '适龄儿童台账', columns, rows: [], rendered: renderRows(rows, 2) },
        { name: 'after', rows: [{ cells: ['x'] }] },
      ],
    });
    const workbook = await readWorkbook(file);
    const sheet = workbook.getWorksheet('适龄儿童台账')!;
    expect(sheet.rowCount).toBe(3002);
    expect(sheet.getRow(1).getCell(1).value).toBe('h0');
    const first = sheet.getRow(2);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => first.getCell(c).value)).toEqual([
      '城关镇',
      '341324201912098504',
      3,
      null,
      '=HYPERLINK("x")',
      'a & b <c> "d"',
      'bellgone',
      null,
    ]);
    // White space at either end is kept (xml:space="preserve" where it is needed).
    expect(first.getCell(9).value).toBe(' 两端 ');
    expect(first.getCell(5).formula).toBeUndefined();
    expect(sheet.getRow(3002).getCell(1).value).toBe('第2999行');
    expect(sheet.getRow(3002).getCell(3).value).toBe(2999);
    expect(sheet.autoFilter).toBe('A1:AA1');
    expect(workbook.getWorksheet('after')!.getRow(1).getCell(1).value).toBe('x');
  });
});
