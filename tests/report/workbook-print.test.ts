import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, FLAGS, REASONS } from '../../src/domain/index.js';
import { COLUMNS } from '../../src/report/index.js';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir } from '../helpers/files.js';
import { readWorkbook, type ExcelJS } from '../helpers/xlsx.js';
import { DEMO } from '../helpers/demo.js';

function cellsOf(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) =>
    rows.push(
      (row.values as unknown[]).slice(1).map((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? ''))),
    ),
  );
  return rows;
}

describe('report.xlsx prints, explains itself and says where it came from (SPEC §7, issue #12)', () => {
  let out: string;
  let workbook: ExcelJS.Workbook;
  let summary: Record<string, any>;
  beforeAll(async () => {
    out = join(tempDir(), 'out');
    const result = await runRollcall(['reconcile', ...DEMO, '--out', out], new Date(Date.UTC(2026, 8, 20, 22, 5, 0)));
    expect(result.code).toBe(0);
    workbook = await readWorkbook(join(out, 'report.xlsx'));
    summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  }, 60_000);

  it('prints every sheet landscape, one page wide, with page header and footer', () => {
    expect(workbook.worksheets).toHaveLength(9);
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        paperSize: 9,
      });
      expect(sheet.headerFooter.oddHeader, sheet.name).toContain('341324');
      expect(sheet.headerFooter.oddHeader, sheet.name).toContain('2026-09-20');
      expect(sheet.headerFooter.oddFooter, sheet.name).toBe('&C第 &P 页，共 &N 页');
    }
  });

  it('repeats the header row on every printed page of every table, and wraps long text', () => {
    const tables = workbook.worksheets.filter((sheet) => sheet.name !== '摘要');
    expect(tables).toHaveLength(8);
    for (const sheet of tables) expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe('1:1');
    const absent = workbook.getWorksheet('在籍不在校')!;
    const reasons = COLUMNS.indexOf('reasons') + 1;
    expect(absent.getColumn(reasons).alignment).toMatchObject({ wrapText: true });
    expect(absent.getColumn(COLUMNS.indexOf('id_number') + 1).alignment?.wrapText).toBeFalsy();
  });

  it('names the inputs with size, modification time and SHA-256, the version and when the run was made', () => {
    const rows = cellsOf(workbook.getWorksheet('摘要')!);
    const text = rows.map((row) => row.join('|')).join('\n');
    expect(text).toContain('生成时间|2026-09-20 22:05:00 UTC');
    expect(text).toContain('程序版本|rollcall 0.1.0');
    for (const file of [
      'fixtures/demo/registry.xlsx',
      'fixtures/demo/household.csv',
      'fixtures/demo/poverty.csv',
      'fixtures/demo/attendance.csv',
    ]) {
      const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
      const row = rows.find((cells) => cells[1] === file)!;
      expect(row[5]).toBe(String(statSync(file).size));
      expect(row[7]).toBe(sha256);
      expect(Object.values(summary.sources).find((source: any) => source.file === file)).toMatchObject({
        sha256,
        size: statSync(file).size,
      });
    }
    // summary.json stays free of the clock: no run time in it.
    expect(JSON.stringify(summary)).not.toContain('22:05');
    expect(rows.find((cells) => cells[0] === '学籍系统导出' && cells[2] === '身份证号一致')).toBeUndefined();
    expect(text).toContain('匹配方式||身份证号一致|身份证号相近且姓名相符|姓名与出生日期一致|待核实|未匹配');
  });

  it('counts reasons and lists the schools the roster could not check, with the township denominators', () => {
    const summarySheet = workbook.getWorksheet('摘要')!;
    const text = cellsOf(summarySheet)
      .map((row) => row.join('|'))
      .join('\n');
    expect(text).toContain(`开学未报到|${summary.cases.by_reason.not_checked_in}`);
    const schools = summary.attendance.schools_without_roster as { school: string; school_code: string; active_registrations: number }[];
    expect(schools.length).toBeGreaterThan(0);
    for (const school of schools) expect(text).toContain(`${school.school}|${school.school_code}|${school.active_registrations}`);
    // A school whose students checked in is not in the list.
    expect(schools.map((school) => school.school)).not.toContain('城关镇第一小学');
    const population = summary.population_by_township as Record<string, { school_age: number; with_active_registration: number }>;
    expect(Object.keys(population).sort()).toEqual(['东湖镇', '城关镇', '西岗镇']);
    for (const [township, counts] of Object.entries(population)) {
      expect(counts.with_active_registration).toBeLessThanOrEqual(counts.school_age);
      const row = summarySheet
        .getRows(1, summarySheet.rowCount)!
        .find((r) => r.getCell(1).value === township && r.getCell(2).value === counts.school_age)!;
      expect(row.getCell(3).value).toBe(counts.with_active_registration);
      expect(row.getCell(4).value).toBeCloseTo(counts.with_active_registration / counts.school_age, 3);
      expect(row.getCell(4).numFmt).toBe('0.0%');
    }
  });

  it('has a 说明 sheet that explains every column, category, reason, flag and rule', () => {
    const rows = cellsOf(workbook.getWorksheet('说明')!);
    const explained = new Map(rows.filter((row) => row.length >= 3 && row[1]).map((row) => [row[1], row[2]]));
    for (const code of [...COLUMNS, ...CATEGORIES, ...REASONS, ...FLAGS, 'id_exact', 'id_fuzzy', 'name_birth']) {
      expect(explained.get(code)?.length, code).toBeGreaterThan(4);
    }
    expect(explained.get('suggested_id')).toContain('户籍');
  });
});

describe('report.xlsx in English', () => {
  it('has the glossary and page footer in English with --lang en', async () => {
    const out = join(tempDir(), 'out');
    expect((await runRollcall(['reconcile', ...DEMO, '--out', out, '--lang', 'en'])).code).toBe(0);
    const workbook = await readWorkbook(join(out, 'report.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('Glossary');
    expect(workbook.worksheets[0]!.headerFooter.oddFooter).toBe('&CPage &P of &N');
    const glossary = cellsOf(workbook.getWorksheet('Glossary')!);
    expect(glossary.find((row) => row[1] === 'not_checked_in')?.[2]).toMatch(/check-in roster/);
  }, 60_000);
});
