import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedCounty } from '../../src/generate/index.js';
import { join, tempDir } from '../helpers/files.js';
import { readWorkbook } from '../helpers/xlsx.js';
import {
  copyNight,
  fillPack,
  headerColumns,
  makeCounty,
  NIGHT_1,
  packCaseIds,
  packFiles,
  reconcile,
  readCases,
  rollcall,
  type Night,
} from './packs.js';

// SPEC §9: packs come back in any order. The township's and the school's pack of one
// case may say different things on the same day: the result must not depend on which
// was imported first (docs/DECISIONS.md), and the import says it found a conflict.

let county: GeneratedCounty;
let night: Night;
let township: string;
let school: string;
let caseId: string;

beforeAll(async () => {
  county = await makeCounty();
  const dir = tempDir('rollcall-followup-order-');
  night = { dir, ledger: join(dir, 'ledger.sqlite'), out: join(dir, 'out') };
  expect((await reconcile(county, night.ledger, night.out, NIGHT_1)).code).toBe(0);
  const schoolPack = packFiles(night.out, '学校')[0]!;
  caseId = (await packCaseIds(schoolPack))[0]!;
  const townshipIds = await Promise.all(packFiles(night.out, '乡镇').map(async (file) => [file, await packCaseIds(file)] as const));
  const townshipPack = townshipIds.find(([, ids]) => ids.includes(caseId))![0];
  township = await fillPack(
    townshipPack,
    new Map([[caseId, { 跟进日期: '2026-09-22', 跟进类型: '劝返', 方式: '家访', 结论: '未复学', 经办人: '乡镇干部' }]]),
    join(dir, '乡镇回收.xlsx'),
  );
  school = await fillPack(
    schoolPack,
    new Map([[caseId, { 跟进日期: '2026-09-22', 跟进类型: '核实', 方式: '电话', 结论: '已复学', 经办人: '班主任' }]]),
    join(dir, '学校回收.xlsx'),
  );
});

describe('the township and the school say different things on the same day', () => {
  it.each([
    ['township, then school', () => [township, school]],
    ['school, then township', () => [school, township]],
  ])('%s: closed either way, and the import says so', async (_, order) => {
    const copy = copyNight(night);
    const [first, second] = order();
    expect((await rollcall(['ledger', 'import', first!, '--ledger', copy.ledger])).stdout).not.toContain('相互矛盾');
    const imported = await rollcall(['ledger', 'import', second!, '--ledger', copy.ledger]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(imported.stdout).toContain(
      `注意：案例 ${caseId} 在 2026-09-22 的结论相互矛盾（乡镇回收.xlsx、学校回收.xlsx）——同一天以销号结论为准，现按「已复学」处理`,
    );
    const show = await rollcall(['ledger', 'show', caseId, '--ledger', copy.ledger]);
    expect(show.stdout).toContain('当前：已于 2026-09-22 销号（已复学）');
    const out2 = join(copy.dir, 'out2');
    expect((await reconcile(county, copy.ledger, out2, '2026-09-23')).code).toBe(0);
    expect(readCases(out2).find((c) => c.case_id === caseId)?.ledger.state).toBe('closed');
  });

  it('says it in English too, and only once a conflict is recorded', async () => {
    const copy = copyNight(night);
    await rollcall(['ledger', 'import', school, '--ledger', copy.ledger]);
    const imported = await rollcall(['ledger', 'import', township, '--ledger', copy.ledger, '--lang', 'en']);
    expect(imported.stdout).toContain(
      `note: case ${caseId} has conflicting outcomes on 2026-09-22 (乡镇回收.xlsx, 学校回收.xlsx) — on the same day a closing outcome prevails, so "returned" stands`,
    );
    // The same pack again adds nothing, and records no new conflict.
    const again = await rollcall(['ledger', 'import', township, '--ledger', copy.ledger]);
    expect(again.stdout).not.toContain('相互矛盾');
  });
});

describe('what ledger import and record refuse before anything is added', () => {
  it('a path that is not there says so (io.file_missing), and nothing is imported', async () => {
    const copy = copyNight(night);
    const result = await rollcall(['ledger', 'import', school, join(copy.dir, 'nope.xlsx'), '--ledger', copy.ledger]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nope.xlsx：找不到文件——请检查路径');
    expect(result.stdout + result.stderr).not.toMatch(/Excel 工作簿|File not found/);
    const folder = await rollcall(['ledger', 'import', copy.dir, '--ledger', copy.ledger, '--lang', 'en']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('not a regular file (it is a folder)');
    const show = await rollcall(['ledger', 'show', caseId, '--ledger', copy.ledger]);
    expect(show.stdout).toContain('暂无跟进记录');
  });

  it('a date before 2000-01-01, from a pack or from the command line; 2000-01-01 itself is accepted', async () => {
    const copy = copyNight(night);
    const args = (date: string) => [
      'ledger',
      'record',
      '--case',
      caseId,
      '--date',
      date,
      '--kind',
      '核实',
      '--by',
      '王老师',
      '--ledger',
      copy.ledger,
    ];
    const early = await rollcall(args('1926-09-24'));
    expect(early.code).toBe(2);
    expect(early.stdout).toContain('--date：1926-09-24 早于 2000-01-01——请核对年份');
    const earlyPack = await fillPack(
      packFiles(night.out, '学校')[0]!,
      new Map([[caseId, { 跟进日期: '1999-12-31', 跟进类型: '核实', 经办人: '王老师' }]]),
      join(copy.dir, 'early.xlsx'),
    );
    const imported = await rollcall(['ledger', 'import', earlyPack, '--ledger', copy.ledger]);
    expect(imported.code).toBe(2);
    expect(imported.stdout).toContain('「跟进日期」列：1999-12-31 早于 2000-01-01');
    expect((await rollcall(args('2000-01-01'))).code).toBe(0);
  });

  it('the pack’s own date check agrees: from 2000-01-01, with a title that fits a date', async () => {
    const sheet = (await readWorkbook(packFiles(night.out, '学校')[0]!)).getWorksheet('待跟进')!;
    const validation = sheet.getCell(3, headerColumns(sheet).get('跟进日期')!).dataValidation;
    expect(validation).toMatchObject({
      type: 'date',
      operator: 'greaterThanOrEqual',
      errorTitle: '请填写日期',
      error: '请填写日期（如 2026-09-21），不早于 2000-01-01，不能晚于今天',
    });
    expect(new Date(validation.formulae![0] as Date).toISOString().slice(0, 10)).toBe('2000-01-01');
  });
});
