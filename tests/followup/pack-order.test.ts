import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedCounty } from '../../src/generate/index.js';
import { join, tempDir } from '../helpers/files.js';
import { copyNight, fillPack, makeCounty, NIGHT_1, packCaseIds, packFiles, reconcile, readCases, rollcall, type Night } from './packs.js';

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
