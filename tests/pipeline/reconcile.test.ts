import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, REASONS } from '../../src/domain/index.js';
import { runRollcall } from '../helpers/cli.js';
import { County } from '../helpers/county.js';
import { join, tempDir, writeCsv } from '../helpers/files.js';
import { ExcelJS, readWorkbook, workbookText } from '../helpers/xlsx.js';
import { DEMO } from '../helpers/demo.js';

const HOSTILE = '=HYPERLINK("http://127.0.0.1/x","点我")';

function read(out: string, file: string): string {
  return readFileSync(join(out, file), 'utf8');
}

describe('rollcall reconcile over the demo county: every output file (SPEC §7)', () => {
  it('writes the contract files, and the demo truth is what it finds', async () => {
    const out = join(tempDir(), 'out');
    const result = await runRollcall(['reconcile', ...DEMO, '--out', out, '--log-level', 'info']);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      [
        '.rollcall-report',
        'cases.jsonl',
        'summary.json',
        'rejected.csv',
        'report.xlsx',
        'dashboard.html',
        ...CATEGORIES.map((c) => `${c}.csv`),
      ].sort(),
    );

    const cases = read(out, 'cases.jsonl')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(Object.keys(cases[0])).toEqual([
      'case_id',
      'category',
      'reasons',
      'flags',
      'township',
      'school',
      'village',
      'grade',
      'class',
      'student_no',
      'household_no',
      'id_note',
      'person',
      'records',
      'suggested_id',
      'candidates',
      'match',
      'differences',
      'guardians',
    ]);
    const truth = JSON.parse(readFileSync('fixtures/demo/truth.json', 'utf8'));
    const key = (category: string, source: string, row: number) => `${category} ${source}:${row}`;
    expect(cases.map((c) => key(c.category, c.records[0].source, c.records[0].row)).sort()).toEqual(
      truth.cases.map((t: { category: string; source: string; row: number }) => key(t.category, t.source, t.row)).sort(),
    );

    const summary = JSON.parse(read(out, 'summary.json'));
    expect(summary).toMatchObject({ as_of: '2026-09-20', reference_day: '2026-08-31', county: { prefixes: ['341324'], inferred: true } });
    for (const source of ['registry', 'household', 'poverty', 'attendance']) {
      const s = summary.sources[source];
      expect(s.rows_read).toBe(s.rows_accepted + s.rows_rejected);
    }
    expect(summary.sources.household).toMatchObject({ format: 'csv', encoding: 'gb18030' });
    expect(summary.sources.registry).toMatchObject({ format: 'xlsx', sheet: '学生名单' });
    expect(summary.cases.total).toBe(cases.length);
    expect(Object.values(summary.cases.by_category).reduce((a: number, b) => a + (b as number), 0)).toBe(cases.length);
    expect(Object.keys(summary.cases.by_reason)).toHaveLength(REASONS.length);
    expect(summary.links.registry.id_exact).toBeGreaterThan(0);

    // Category CSVs: UTF-8 with a BOM, Chinese headers, one row per case.
    for (const category of CATEGORIES) {
      const csv = read(out, `${category}.csv`);
      expect(csv.startsWith('\uFEFF案例编号,类别,原因,重点群体,乡镇')).toBe(true);
      expect(csv.trim().split('\r\n')).toHaveLength(1 + cases.filter((c) => c.category === category).length);
    }
    expect(read(out, 'rejected.csv')).toBe('\uFEFFsource,file,row,reason,detail\r\n');

    // The terminal table.
    expect(result.stdout).toContain('在籍不在校');
    expect(result.stdout).toContain(`合计`);
    expect(result.stdout).toContain(out);

    // The workbook: summary, a sheet per category, the review detail.
    const workbook = await readWorkbook(join(out, 'report.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '摘要',
      '在籍不在校',
      '适龄未入学',
      '无身份证号或证号有误',
      '空挂学籍',
      '身份信息不一致',
      '待人工核实',
      '核实对照',
      '说明',
    ]);
    const missing = workbook.getWorksheet('无身份证号或证号有误')!;
    expect(missing.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(missing.autoFilter).toBeTruthy();
    expect(missing.getRow(1).getCell(12).value).toBe('身份证号');
    // ID numbers are text, never numbers (Excel would destroy their last digits).
    const ids = missing
      .getColumn(12)
      .values.slice(2)
      .filter((value) => value !== null && value !== undefined && value !== '');
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(typeof id).toBe('string');
    const birthCells = missing.getColumn(14).values.filter((value) => value instanceof Date);
    expect(birthCells.length).toBeGreaterThan(0);
    // The summary sheet has the township × category table.
    const summaryText = workbookText(workbook);
    expect(summaryText).toContain('乡镇');
    expect(summaryText).toContain('东湖镇');
  });

  it('gives byte-identical cases.jsonl and category CSVs for the same inputs', async () => {
    const [a, b] = [join(tempDir(), 'out'), join(tempDir(), 'out')];
    await runRollcall(['reconcile', ...DEMO, '--out', a, '--log-level', 'silent']);
    await runRollcall(['reconcile', ...DEMO, '--out', b, '--log-level', 'silent']);
    for (const file of ['cases.jsonl', 'summary.json', 'rejected.csv', ...CATEGORIES.map((c) => `${c}.csv`)]) {
      expect(read(a, file), file).toBe(read(b, file));
    }
  });

  it('writes English headers with --lang en and prints the summary object with --json', async () => {
    const out = join(tempDir(), 'out');
    const result = await runRollcall(['reconcile', ...DEMO, '--out', out, '--lang', 'en', '--json', '--log-level', 'silent']);
    expect(read(out, 'missing_id.csv').startsWith('\uFEFFcase_id,category,reasons,flags,township,village,school')).toBe(true);
    expect(JSON.parse(result.stdout)).toMatchObject({ as_of: '2026-09-20', cases: { total: expect.any(Number) } });
    const workbook = await readWorkbook(join(out, 'report.xlsx'));
    expect(workbook.worksheets[1]!.name).toBe('enrolled_absent');
  });
});

describe('safety and privacy (issue #5)', () => {
  async function hostileCounty(extra: string[] = []) {
    const county = new County();
    const child = county.person(HOSTILE, '2015-03-05');
    const other = county.person('李娜', '2014-04-04', { gender: '女' });
    county.household(child);
    county.household(other);
    county.registry(child, { 身份证号: '' });
    return { result: await county.reconcile(extra), ids: [child.id, other.id] };
  }

  it('makes a hostile name harmless in every CSV and in the workbook', async () => {
    const { result } = await hostileCounty();
    const csv = read(result.out, 'missing_id.csv');
    expect(csv).toContain(`'=HYPERLINK(""http://127.0.0.1/x"",""点我"")`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const workbook = await readWorkbook(join(result.out, 'report.xlsx'));
    let seen = 0;
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (cell.value === HOSTILE) seen++;
        }),
      ),
    );
    expect(seen).toBeGreaterThan(0);
  });

  it('--mask-ids leaves no full ID in the CSVs or the workbook', async () => {
    const { result, ids } = await hostileCounty(['--mask-ids']);
    const workbook = workbookText(await readWorkbook(join(result.out, 'report.xlsx')));
    const csvs = readdirSync(result.out)
      .filter((file) => file.endsWith('.csv'))
      .map((file) => read(result.out, file));
    for (const text of [workbook, ...csvs]) {
      for (const id of ids) expect(text).not.toContain(id);
      expect(text).not.toMatch(/\d{17}[\dX]/);
    }
    expect(workbook).toContain(`${ids[0]!.slice(0, 6)}********${ids[0]!.slice(14)}`);
    // cases.jsonl is for programs: it keeps the full ID (and is readable by its owner only).
    expect(read(result.out, 'cases.jsonl')).toContain(ids[0]);
  });

  it('creates the reports readable by their owner only', async () => {
    const { result } = await hostileCounty();
    const { statSync } = await import('node:fs');
    expect(statSync(result.out).mode & 0o777).toBe(0o700);
    for (const file of readdirSync(result.out)) expect(statSync(join(result.out, file)).mode & 0o777, file).toBe(0o600);
  });

  it('never logs an ID number or a name, at any level', async () => {
    const county = new County();
    const people = [county.person('张伟', '2015-03-05'), county.person('李娜', '2014-04-04', { gender: '女' })];
    for (const person of people) county.household(person);
    county.registry(people[0]!, { 身份证号: people[0]!.id.slice(0, 17) });
    const result = await county.reconcile(['--log-level', 'trace']);
    expect(result.logs.length).toBeGreaterThan(3);
    for (const person of people) {
      expect(result.stderr).not.toContain(person.id);
      expect(result.stderr).not.toContain(person.id.slice(0, 17));
      expect(result.stderr).not.toContain(person.name);
    }
  });

  it('writes nothing when an input is wrong (exit 2)', async () => {
    const dir = tempDir();
    const registry = writeCsv(join(dir, 'registry.csv'), [
      ['姓名', '学籍状态', '学校'],
      ['张伟', '在读', '城关小学'],
    ]);
    const household = writeCsv(join(dir, 'household.csv'), [
      ['姓名', '身份证号', '户籍状态'],
      ['张伟', '', '正常'],
    ]);
    const out = join(dir, 'out');
    const result = await runRollcall(['reconcile', '--registry', registry, '--household', household, '--out', out]);
    expect(result.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['household.csv', 'registry.csv']);
  });

  it('exits 2 when a required source is not given', async () => {
    const result = await runRollcall(['reconcile', '--registry', 'r.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--household');
  });
});

describe('the terminal table', () => {
  it('warns when statuses are in no status list', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    county.household(child);
    county.registry(child, { 学籍状态: '学籍异常' });
    const result = await county.reconcile();
    expect(result.stdout).toContain('注意：学籍系统导出有 1 行的状态不在任何状态列表中');
  });
});
