import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { County } from '../helpers/county.js';
import { join, tempDir } from '../helpers/files.js';
import { readWorkbook } from '../helpers/xlsx.js';

// SPEC §7: IDs and student numbers in the category CSVs survive a double-click into
// Excel or WPS. Neither is available here; LibreOffice Calc's CSV import, which
// turns an unquoted 18-digit number into a number as they do, is the stand-in.
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

const HOUSEHOLD_NO = '34132409250002925';

async function countyWithWrongIds() {
  const county = new County();
  const child = county.person('张伟', '2015-03-05');
  const other = county.person('李娜', '2014-04-04', { gender: '女' });
  // A 17-digit household number, as counties number them: a number in Excel would lose its last two digits.
  county.household(child, { 户号: HOUSEHOLD_NO });
  county.household(other);
  // A mistyped check digit: a missing_id case with the household's ID suggested.
  const wrong = `${child.id.slice(0, 17)}${child.id[17] === '0' ? '1' : '0'}`;
  county.registry(child, { 身份证号: wrong, 全国学籍号: '341324201503050001' });
  county.registry(other, { 身份证号: '', 全国学籍号: 'G341324201404040002' });
  return { result: await county.reconcile(), child, wrong };
}

describe('category CSVs that survive Excel (SPEC §7)', () => {
  it('writes IDs, student and household numbers as a quoted field with a tab before the digits; a program trims and gets them back', async () => {
    const { result, child, wrong } = await countyWithWrongIds();
    const csv = readFileSync(join(result.out, 'missing_id.csv'), 'utf8');
    expect(csv).toContain(`"\t${wrong}"`);
    expect(csv).toContain(`"\t${child.id}"`);
    expect(csv).toContain('"\t341324201503050001"');
    expect(csv).toContain(`"\t${HOUSEHOLD_NO}"`);
    const rows = (parse(csv, { bom: true, columns: true }) as Record<string, string>[]).map((r) =>
      Object.fromEntries(Object.entries(r).map(([key, value]) => [key, value.trim()])),
    );
    const row = rows.find((r) => r.身份证号 === wrong)!;
    expect(row.建议身份证号).toBe(child.id);
    expect(row.学籍号).toBe('341324201503050001');
    expect(row.户号).toBe(HOUSEHOLD_NO);
  });

  it.skipIf(!soffice)(
    'keeps all 18 characters as text when a spreadsheet imports the CSV (LibreOffice; skipped where it is not installed)',
    async () => {
      const { result, child, wrong } = await countyWithWrongIds();
      const dir = tempDir();
      copyFileSync(join(result.out, 'missing_id.csv'), join(dir, 'missing_id.csv'));
      // The import a double-click does: comma, double quote, UTF-8, no special options.
      const converted = spawnSync(
        'soffice',
        ['--headless', '--convert-to', 'xlsx', '--infilter=CSV:44,34,76,1', '--outdir', dir, join(dir, 'missing_id.csv')],
        {
          encoding: 'utf8',
          timeout: 120_000,
          env: { ...process.env, HOME: dir },
        },
      );
      expect(converted.status, converted.stderr).toBe(0);
      const sheet = (await readWorkbook(join(dir, 'missing_id.xlsx'))).worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const values = (name: string) =>
        sheet
          .getColumn(header.indexOf(name) + 1)
          .values.slice(2)
          .filter((value) => value !== undefined && value !== null);
      for (const [column, expected] of [
        ['身份证号', wrong],
        ['建议身份证号', child.id],
        ['学籍号', '341324201503050001'],
        ['户号', HOUSEHOLD_NO],
      ] as const) {
        const cells = values(column);
        expect(
          cells.every((cell) => typeof cell === 'string'),
          column,
        ).toBe(true);
        expect(
          cells.map((cell) => String(cell).trim()),
          column,
        ).toContain(expected);
      }
    },
    180_000,
  );
});
