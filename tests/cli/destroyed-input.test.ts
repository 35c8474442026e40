import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/index.js';
import { LedgerStore } from '../../src/ledger/index.js';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir, writeCsv, writeXlsx, type XlsxCell } from '../helpers/files.js';
import { makeId } from '../helpers/ids.js';
import { ExcelJS } from '../helpers/xlsx.js';

// A source whose content was destroyed on its way to rollcall (IDs a spreadsheet
// stored as numbers, dates it cannot read, formulas never calculated, no rows at
// all) stops the run with exit 2 before anything is written, instead of becoming
// thousands of false cases. A handful of such cells stays a handful of cases.
// The line: more than 5 % of the column's non-empty cells and at least 10.

const REGISTRY_HEADER = ['姓名', '身份证号', '学籍状态', '学校名称', '出生日期'];
const HOUSEHOLD_HEADER = ['姓名', '身份证号', '户籍状态', '出生日期'];

interface Child {
  name: string;
  id: string;
  birth: string;
}

/**
 * `count` school-age children, each with a valid county ID of digits only (a
 * spreadsheet keeps an ID ending in X as text: only the others turn into numbers).
 */
function children(count: number): Child[] {
  return Array.from({ length: count }, (_, i) => {
    const birth = `${2012 + (i % 6)}-0${1 + (i % 9)}-1${i % 10}`;
    const ids = [0, 2].map((step) => makeId('341324', birth.replaceAll('-', ''), 101 + 4 * i + step));
    return { name: `学生${i}`, id: ids.find((id) => !id.endsWith('X'))!, birth };
  });
}

/** Excel's serial day number of a YYYY-MM-DD date (1900 system). */
function serial(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000) + 25_569;
}

type Damage = 'numeric_id' | 'scientific' | 'rounded_000' | 'serial_date' | 'text_serial' | 'formula_id' | 'formula_birth';

const COLUMN: Record<Damage, string> = {
  numeric_id: '身份证号',
  scientific: '身份证号',
  rounded_000: '身份证号',
  serial_date: '出生日期',
  text_serial: '出生日期',
  formula_id: '身份证号',
  formula_birth: '出生日期',
};

const FORMAT: Record<Damage, 'csv' | 'xlsx'> = {
  numeric_id: 'xlsx',
  scientific: 'csv',
  rounded_000: 'csv',
  serial_date: 'xlsx',
  text_serial: 'csv',
  formula_id: 'xlsx',
  formula_birth: 'xlsx',
};

/** A registration row, its first `damaged` rows spoiled the way `damage` says. */
function registryCell(damage: Damage, child: Child, column: string, spoiled: boolean): XlsxCell | { formula: string } {
  const plain = { 姓名: child.name, 身份证号: child.id, 学籍状态: '在读', 学校名称: '城关小学', 出生日期: child.birth }[column]!;
  if (!spoiled || column !== COLUMN[damage]) return plain;
  switch (damage) {
    case 'numeric_id':
      return Number(child.id);
    case 'scientific':
      return Number(child.id).toPrecision(6).toUpperCase(); // 3.41324E+17, as Excel shows it
    case 'rounded_000':
      // Excel writes a numeric cell to CSV with 15 significant digits; a check digit that still held is another story.
      return child.id.slice(0, 15) + '000';
    case 'serial_date':
      return serial(child.birth); // a number cell formatted General
    case 'text_serial':
      return String(serial(child.birth));
    case 'formula_id':
    case 'formula_birth':
      return { formula: 'TRIM(A1)' }; // saved by a script, never calculated
  }
}

async function writeRegistry(dir: string, damage: Damage, rows: Child[], damaged: number): Promise<string> {
  const cells = rows.map((child, i) => REGISTRY_HEADER.map((column) => registryCell(damage, child, column, i < damaged)));
  if (FORMAT[damage] === 'csv') {
    return writeCsv(join(dir, 'registry.csv'), [REGISTRY_HEADER, ...cells.map((row) => row.map((cell) => String(cell)))]);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('学生');
  sheet.addRow(REGISTRY_HEADER);
  for (const row of cells) sheet.addRow(row);
  const file = join(dir, 'registry.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

function writeHousehold(dir: string, rows: Child[]): string {
  return writeCsv(join(dir, 'household.csv'), [HOUSEHOLD_HEADER, ...rows.map((c) => [c.name, c.id, '正常', c.birth])]);
}

function reconcile(files: { registry: string; household: string }, out: string, ...extra: string[]) {
  return runRollcall([
    'reconcile',
    '--registry',
    files.registry,
    '--household',
    files.household,
    ...(extra.includes('--as-of') ? [] : ['--as-of', '2026-09-20']),
    '--out',
    out,
    '--log-level',
    'silent',
    ...extra,
  ]);
}

function casesIn(out: string): Case[] {
  return readFileSync(join(out, 'cases.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Case);
}

async function county(damage: Damage, people: number, damaged: number) {
  const dir = tempDir();
  const rows = children(people);
  return { dir, out: join(dir, 'out'), registry: await writeRegistry(dir, damage, rows, damaged), household: writeHousehold(dir, rows) };
}

const DAMAGES = Object.keys(COLUMN) as Damage[];

describe('a column whose cells a spreadsheet destroyed stops the run (exit 2), nothing written', () => {
  it.each(DAMAGES)('%s: 11 of 200 cells (more than 5 %) stop the run, naming the source, file, column and count', async (damage) => {
    const files = await county(damage, 200, 11);
    const result = await reconcile(files, files.out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${files.registry}：学籍系统导出文件“${COLUMN[damage]}”列`);
    expect(result.stderr).toContain(' 11 个');
    expect(result.stderr).toContain('未写入任何内容');
    expect(existsSync(files.out)).toBe(false);
    // Never a cell's value in the message.
    expect(result.stderr).not.toContain('341324');
    expect(result.stderr).not.toContain('学生');
  });

  it.each(DAMAGES)('%s: 10 of 200 cells (5 %, not more) run as before', async (damage) => {
    const files = await county(damage, 200, 10);
    const result = await reconcile(files, files.out);
    expect(result.code).toBe(0);
  });

  it('9 of 20 IDs stored as numbers (45 %, but fewer than 10) run: missing_id cases that say the digits were lost', async () => {
    const files = await county('numeric_id', 20, 9);
    const result = await reconcile(files, files.out);
    expect(result.code).toBe(0);
    const missing = casesIn(files.out).filter((c) => c.category === 'missing_id');
    expect(missing).toHaveLength(9);
    expect(missing.every((c) => c.reasons.includes('id_malformed') && c.id_note === 'numeric_cell')).toBe(true);
  });

  it("a clerk's unknown birth date (不详, 未知, —) is an empty cell, not a destroyed one: 60 of 200 run", async () => {
    const dir = tempDir();
    const rows = children(200);
    const unknown = ['不详', '未知', '—', ' 不详 ', '/', '无'];
    const registry = writeCsv(join(dir, 'registry.csv'), [
      REGISTRY_HEADER,
      ...rows.map((c, i) => [c.name, c.id, '在读', '城关小学', i < 60 ? unknown[i % unknown.length]! : c.birth]),
    ]);
    const result = await reconcile({ registry, household: writeHousehold(dir, rows) }, join(dir, 'out'));
    expect(result.code, result.stderr).toBe(0);
    // Eleven dates that are neither dates nor "unknown" still stop it.
    const broken = writeCsv(join(dir, 'broken.csv'), [
      REGISTRY_HEADER,
      ...rows.map((c, i) => [c.name, c.id, '在读', '城关小学', i < 11 ? '2014年3月' : c.birth]),
    ]);
    const stopped = await reconcile({ registry: broken, household: writeHousehold(dir, rows) }, join(dir, 'out2'));
    expect(stopped.code).toBe(2);
    // … naming the rows of the dates it cannot read, not those of the 不详 among them.
    const mixed = writeCsv(join(dir, 'mixed.csv'), [
      REGISTRY_HEADER,
      ...rows.map((c, i) => [c.name, c.id, '在读', '城关小学', i < 5 ? '不详' : i < 16 ? '2014年3月' : c.birth]),
    ]);
    const cited = await reconcile({ registry: mixed, household: writeHousehold(dir, rows) }, join(dir, 'out3'));
    expect(cited.code).toBe(2);
    expect(cited.stderr).toContain('第 7、8、9 行');
  });

  it('a CSV of 15 digits + 000 counts as digits lost (SPEC §2): the cases say so', async () => {
    const files = await county('rounded_000', 200, 10);
    expect((await reconcile(files, files.out)).code).toBe(0);
    // (None of these ten check digits happens to hold for …000: such an ID would be valid.)
    const noted = casesIn(files.out).filter((c) => c.id_note === 'numeric_cell');
    expect(noted).toHaveLength(10);
    expect(noted.every((c) => c.category === 'missing_id' && c.reasons.includes('id_malformed'))).toBe(true);
  });

  it('the messages, in full, in both languages: what, where, how many, and how to fix it', async () => {
    const ids = await county('numeric_id', 200, 200);
    expect((await reconcile(ids, ids.out)).stderr.replaceAll(ids.dir, '<dir>')).toBe(
      'rollcall 已停止：<dir>/registry.xlsx：学籍系统导出文件“身份证号”列的 200 个身份证号中有 200 个被表格存成了数字，后几位已丢失' +
        '（超过 5% 且至少 10 个即停止运行）——请从原系统重新导出，并把该列导出为文本（不要在 Excel 中把它存成数字或科学计数法）。未写入任何内容\n',
    );
    expect((await reconcile(ids, ids.out, '--lang', 'en')).stderr.replaceAll(ids.dir, '<dir>')).toBe(
      'rollcall stopped: <dir>/registry.xlsx: 200 of the 200 ID numbers in column "身份证号" of the registry file were stored as numbers ' +
        'by a spreadsheet and lost their last digits (more than 5 % and at least 10: the run stops) — export it again from the source system ' +
        'with that column as text (never saved as numbers or in scientific notation). Nothing was written\n',
    );
    const dates = await county('serial_date', 200, 200);
    expect((await reconcile(dates, dates.out, '--lang', 'en')).stderr.replaceAll(dates.dir, '<dir>')).toBe(
      'rollcall stopped: <dir>/registry.xlsx: 200 of the 200 dates in column "出生日期" of the registry file cannot be read ' +
        '(more than 5 % and at least 10: the run stops), such as on rows 2, 3, 4 — numbers in cells not formatted as dates (such as 43930) ' +
        'or a form not known; format the column as a date in Excel, or write 2014-03-05, 2014/3/5, 20140305 or 2014年3月5日, and rerun. ' +
        'Nothing was written\n',
    );
    const formulas = await county('formula_id', 200, 200);
    expect((await reconcile(formulas, formulas.out)).stderr.replaceAll(formulas.dir, '<dir>')).toBe(
      'rollcall 已停止：<dir>/registry.xlsx：学籍系统导出文件“身份证号”列在 200 行数据中有 200 个公式单元格没有保存计算结果，会被当作空值' +
        '（超过 5% 且至少 10 个即停止运行）——请用 Excel 或 WPS 打开工作簿并重新保存，再运行。未写入任何内容\n',
    );
  });

  it('the household register too: IDs stored as numbers in its workbook', async () => {
    const dir = tempDir();
    const rows = children(50);
    const household = await writeXlsx(join(dir, 'household.xlsx'), {
      人口: [HOUSEHOLD_HEADER, ...rows.map((c) => [c.name, Number(c.id), '正常', c.birth])],
    });
    const registry = writeCsv(join(dir, 'registry.csv'), [
      REGISTRY_HEADER,
      ...rows.map((c) => [c.name, c.id, '在读', '城关小学', c.birth]),
    ]);
    const result = await reconcile({ registry, household }, join(dir, 'out'), '--lang', 'en');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${household}: 50 of the 50 ID numbers in column "身份证号" of the household file`);
  });

  it('a roster whose IDs a teacher stored as numbers runs while its rows have student numbers (matched by 学籍号, SPEC §4); rows without one stop it', async () => {
    const dir = tempDir();
    const rows = children(50);
    const registry = writeCsv(join(dir, 'registry.csv'), [
      ['姓名', '身份证号', '全国学籍号', '学籍状态', '学校名称', '出生日期'],
      ...rows.map((c) => [c.name, c.id, `G${c.id}`, '在读', '城关小学', c.birth]),
    ]);
    const household = writeHousehold(dir, rows);
    const roster = async (name: string, withStudentNo: (i: number) => boolean) =>
      writeXlsx(join(dir, name), {
        报到: [['全国学籍号', '身份证号', '姓名'], ...rows.map((c, i) => [withStudentNo(i) ? `G${c.id}` : '', Number(c.id), c.name])],
      });
    const keyed = await reconcile({ registry, household }, join(dir, 'a'), '--attendance', await roster('keyed.xlsx', () => true));
    expect(keyed.code, keyed.stderr).toBe(0);
    expect(casesIn(join(dir, 'a')).filter((c) => c.category === 'enrolled_absent')).toEqual([]);
    const unkeyed = await reconcile({ registry, household }, join(dir, 'b'), '--attendance', await roster('unkeyed.xlsx', (i) => i >= 12));
    expect(unkeyed.code).toBe(2);
    expect(unkeyed.stderr).toContain('开学报到名单文件“身份证号”列的 50 个身份证号中有 12 个被表格存成了数字');
  });

  it('with a ledger: the ledger and the previous report are left as they were', async () => {
    const files = await county('numeric_id', 200, 0);
    const ledger = join(files.dir, 'ledger.sqlite');
    expect((await reconcile(files, files.out, '--ledger', ledger)).code).toBe(0);
    const before = readFileSync(join(files.out, 'cases.jsonl'), 'utf8');
    const damaged = await county('numeric_id', 200, 200);
    const result = await reconcile(damaged, files.out, '--ledger', ledger, '--as-of', '2026-09-21', '--accept-shrink');
    expect(result.code).toBe(2);
    expect(readFileSync(join(files.out, 'cases.jsonl'), 'utf8')).toBe(before);
    const store = LedgerStore.open(ledger);
    try {
      expect(store.runs()).toHaveLength(1);
    } finally {
      store.close();
    }
  });
});

describe('a source with no data rows stops the run (exit 2), naming the source and file', () => {
  const header = {
    registry: REGISTRY_HEADER,
    household: HOUSEHOLD_HEADER,
    poverty: ['成员姓名', '证件号码', '在校生状况'],
    attendance: ['全国学籍号', '身份证号', '姓名'],
  };

  it.each(Object.keys(header) as (keyof typeof header)[])('%s: a header-only file', async (source) => {
    const dir = tempDir();
    const rows = children(5);
    const files: Record<string, string> = {
      registry: writeCsv(join(dir, 'registry.csv'), [REGISTRY_HEADER, ...rows.map((c) => [c.name, c.id, '在读', '城关小学', c.birth])]),
      household: writeHousehold(dir, rows),
    };
    files[source] = writeCsv(join(dir, `${source}-empty.csv`), [header[source]]);
    const extra = source === 'poverty' || source === 'attendance' ? [`--${source}`, files[source]!] : [];
    const out = join(dir, 'out');
    const result = await reconcile({ registry: files.registry!, household: files.household! }, out, '--lang', 'en', ...extra);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `rollcall stopped: ${files[source]}: the ${source} file has no data rows below its header (row 1) — the export is incomplete ` +
        'or covers the wrong selection; export it again and rerun. Nothing was written\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('a file whose every row is rejected has no usable rows: exit 2 too', async () => {
    const dir = tempDir();
    const rows = children(5);
    const registry = writeCsv(join(dir, 'registry.csv'), [REGISTRY_HEADER, ...rows.map((c) => [c.name, c.id, '在读'])]); // too few fields
    const result = await reconcile({ registry, household: writeHousehold(dir, rows) }, join(dir, 'out'));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `rollcall 已停止：${registry}：学籍系统导出文件的 5 行数据没有一行可用——请运行 rollcall inspect 查看每行被拒绝的原因，改正或重新导出后再运行。未写入任何内容\n`,
    );
  });

  it('more than 20 % of the rows rejected for what they hold (a damaged file) stops the run; 20 % and blank lines do not', async () => {
    const dir = tempDir();
    const rows = children(100);
    const registryWith = (broken: number, blank: number) =>
      writeCsv(join(dir, `registry-${broken}-${blank}.csv`), [
        REGISTRY_HEADER,
        ...rows.map((c, i) => (i < broken ? [c.name, c.id, '在读'] : [c.name, c.id, '在读', '城关小学', c.birth])),
        ...Array.from({ length: blank }, () => ['', '', '', '', '']),
        ['末行', rows[0]!.id, '在读', '城关小学', rows[0]!.birth],
      ]);
    const household = writeHousehold(dir, rows);
    const run = (registry: string, out: string) => reconcile({ registry, household }, join(dir, out));
    const stopped = await run(registryWith(22, 0), 'a');
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain('学籍系统导出文件的 101 行数据中有 22 行无法使用');
    expect(stopped.stderr).not.toContain('学生');
    expect((await run(registryWith(20, 0), 'b')).code).toBe(0);
    // Blank lines between records are untidy, not damage; so are rows that name no one (序号 numbered ahead).
    expect((await run(registryWith(0, 40), 'c')).code).toBe(0);
    const numberedAhead = writeCsv(join(dir, 'numbered.csv'), [
      REGISTRY_HEADER,
      ...rows.map((c) => [c.name, c.id, '在读', '城关小学', c.birth]),
      ...Array.from({ length: 40 }, () => ['', '', '', '城关小学', '']),
    ]);
    expect((await run(numberedAhead, 'd')).code).toBe(0);
  });
});
