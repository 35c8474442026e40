import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedCounty } from '../../src/generate/index.js';
import { LedgerStore, lockLedger } from '../../src/ledger/index.js';
import { join, tempDir, writeText, writeXlsx } from '../helpers/files.js';
import {
  copyNight,
  fillPack,
  makeCounty,
  NIGHT_1,
  packCaseIds,
  packFiles,
  reconcile,
  rewritePack,
  rollcall,
  type Fill,
  type Night,
} from './packs.js';

// SPEC §9 import: every row is checked first; a file with any problem adds nothing,
// and every problem is listed with file, sheet, row and column (exit 2). One test a rule.

let county: GeneratedCounty;
let night: Night;
let pack: string;
let ids: string[];

beforeAll(async () => {
  county = await makeCounty();
  const dir = tempDir('rollcall-followup-bad-');
  night = { dir, ledger: join(dir, 'ledger.sqlite'), out: join(dir, 'out') };
  expect((await reconcile(county, night.ledger, night.out, NIGHT_1)).code).toBe(0);
  pack = packFiles(night.out, '乡镇')[0]!;
  ids = await packCaseIds(pack);
});

const good: Fill = { 跟进日期: '2026-09-21', 跟进类型: '核实', 方式: '电话', 结论: '未复学', 经办人: '王老师' };

function entryCount(ledger: string): number {
  const store = LedgerStore.open(ledger);
  try {
    return [...store.entries().values()].flat().length;
  } finally {
    store.close();
  }
}

/** Fills the pack's first case with `good` and its second with `bad`, imports it into a copy of night 1's ledger. */
async function importWith(bad: Fill, extra: string[] = []) {
  const copy = copyNight(night);
  const file = await fillPack(
    pack,
    new Map([
      [ids[0]!, good],
      [ids[1]!, bad],
    ]),
    join(copy.dir, 'returned.xlsx'),
  );
  const result = await rollcall(['ledger', 'import', file, '--ledger', copy.ledger, ...extra]);
  return { ...result, entries: entryCount(copy.ledger), file, copy };
}

describe('a returned pack with a bad row imports nothing (SPEC §9)', () => {
  it('an edited case id: names file, sheet, row and column', async () => {
    const result = await importWith({ ...good, 案例编号: 'EA-0000000000' });
    expect(result.code).toBe(2);
    expect(result.entries).toBe(0);
    expect(result.stdout).toContain('returned.xlsx：有 1 处问题，整份文件未导入');
    expect(result.stdout).toMatch(/returned\.xlsx，工作表「待跟进」，第 4 行，「案例编号」列：台账中没有案例编号「EA-0000000000」/);
    expect(result.stderr).toContain('files with problems, not imported: 1');
  });

  it('values outside the lists of 跟进类型, 方式 and 结论', async () => {
    const result = await importWith({ ...good, 跟进类型: '走访', 方式: '微信', 结论: '已上学' });
    expect(result.code).toBe(2);
    expect(result.entries).toBe(0);
    expect(result.stdout).toContain('「跟进类型」列：「走访」不在列表中——请从下拉列表中选择：核实、劝返、销号');
    expect(result.stdout).toContain('「方式」列：「微信」不在列表中');
    expect(result.stdout).toContain('「结论」列：「已上学」不在列表中');
    expect(result.stdout).toContain('有 3 处问题');
  });

  it('an unreadable date, and a date that is not a calendar day', async () => {
    for (const date of ['九月二十一', '2026-02-30']) {
      const result = await importWith({ ...good, 跟进日期: date });
      expect(result.code).toBe(2);
      expect(result.entries).toBe(0);
      expect(result.stdout).toContain(`「跟进日期」列：「${date}」不是日期`);
    }
  });

  it('a date after today', async () => {
    const result = await importWith({ ...good, 跟进日期: '2026-09-26' });
    expect(result.code).toBe(2);
    expect(result.entries).toBe(0);
    expect(result.stdout).toContain('「跟进日期」列：2026-09-26 晚于今天（2026-09-25）');
  });

  it('a 销号 without a closing outcome (none, or one that keeps the case open)', async () => {
    for (const outcome of [undefined, '确认辍学']) {
      const result = await importWith({ ...good, 跟进类型: '销号', 结论: outcome as string });
      expect(result.code).toBe(2);
      expect(result.entries).toBe(0);
      expect(result.stdout).toContain(`「结论」列：跟进类型为「销号」，但结论「${outcome ?? ''}」不能销号——销号须写明：已复学、在外地就读`);
    }
  });

  it('a row half filled in: who and what are required', async () => {
    const result = await importWith({ 跟进日期: '2026-09-21', 说明: '已联系家长' });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('「跟进类型」列：未填写——这一列必须填写');
    expect(result.stdout).toContain('「经办人」列：未填写——这一列必须填写');
  });

  it('lists the problems in English with --lang en', async () => {
    const result = await importWith({ ...good, 跟进类型: 'visit' }, ['--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      'returned.xlsx, sheet "待跟进", row 4, column "跟进类型": "visit" is not in the list — choose one of: verify, persuade, close',
    );
    expect(result.stdout).toContain('nothing of this file was imported');
  });

  it('a good file is imported beside a bad one; the bad one adds nothing', async () => {
    const copy = copyNight(night);
    const goodFile = await fillPack(pack, new Map([[ids[0]!, good]]), join(copy.dir, 'good.xlsx'));
    const badFile = await fillPack(pack, new Map([[ids[1]!, { ...good, 结论: '不知道' }]]), join(copy.dir, 'bad.xlsx'));
    const result = await rollcall(['ledger', 'import', badFile, goodFile, '--ledger', copy.ledger]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('good.xlsx：新增跟进记录 1 条');
    expect(result.stdout).toContain('bad.xlsx：有 1 处问题');
    expect(entryCount(copy.ledger)).toBe(1);
  });

  it('rows nobody filled in are skipped', async () => {
    const copy = copyNight(night);
    const result = await rollcall(['ledger', 'import', pack, '--ledger', copy.ledger]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`新增跟进记录 0 条，已导入过 0 条，未填写的行 ${ids.length} 行`);
  });
});

describe('a pack that is not this ledger’s is explained whole (SPEC §9)', () => {
  it('a pack of another ledger', async () => {
    const other = tempDir('rollcall-followup-other-');
    expect((await reconcile(county, join(other, 'ledger.sqlite'), join(other, 'out'), NIGHT_1)).code).toBe(0);
    const foreign = await fillPack(packFiles(join(other, 'out'), '乡镇')[0]!, new Map([[ids[0]!, good]]), join(other, 'foreign.xlsx'));
    const copy = copyNight(night);
    const result = await rollcall(['ledger', 'import', foreign, '--ledger', copy.ledger]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      /foreign\.xlsx：这份跟进表来自另一个台账（编号 [0-9a-f]{16}），不是 .*ledger\.sqlite（编号 [0-9a-f]{16}）/,
    );
    expect(entryCount(copy.ledger)).toBe(0);
  });

  it('a pack of a run the ledger does not have (a ledger restored from a backup)', async () => {
    const copy = copyNight(night);
    const filled = await fillPack(pack, new Map([[ids[0]!, good]]), join(copy.dir, 'filled.xlsx'));
    const later = await rewritePack(filled, join(copy.dir, 'later.xlsx'), {
      identity: (rows) => rows.map(([key, value]) => [key, key === 'as_of' ? '2026-09-23' : value]),
    });
    const result = await rollcall(['ledger', 'import', later, '--ledger', copy.ledger]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('这份跟进表由 2026-09-23 的运行生成，但台账中没有这次运行（最近一次为 2026-09-20）');
    expect(entryCount(copy.ledger)).toBe(0);
  });

  it('a pack of an older run is imported, and says so', async () => {
    const copy = copyNight(night);
    const filled = await fillPack(pack, new Map([[ids[0]!, good]]), join(copy.dir, 'filled.xlsx'));
    expect((await reconcile(county, copy.ledger, join(copy.dir, 'out2'), '2026-09-23')).code).toBe(0);
    const result = await rollcall(['ledger', 'import', filled, '--ledger', copy.ledger]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('这份跟进表由 2026-09-20 的运行生成，台账最近一次运行为 2026-09-23；跟进记录按填写的日期记入');
    expect(entryCount(copy.ledger)).toBe(1);
  });

  it('a sheet without the identity (made by hand) is checked row by row', async () => {
    const copy = copyNight(night);
    const filled = await fillPack(pack, new Map([[ids[0]!, good]]), join(copy.dir, 'filled.xlsx'));
    const bare = await rewritePack(filled, join(copy.dir, 'bare.xlsx'), { identity: () => null });
    const result = await rollcall(['ledger', 'import', bare, '--ledger', copy.ledger]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('没有 rollcall 跟进表的标识');
    expect(entryCount(copy.ledger)).toBe(1);
  });

  it('not a pack, a damaged file, a deleted column, a column twice', async () => {
    const copy = copyNight(night);
    const notPack = await writeXlsx(join(copy.dir, 'roster.xlsx'), {
      名单: [
        ['姓名', '学校'],
        ['某某', '某校'],
      ],
    });
    const broken = writeText(join(copy.dir, 'broken.xlsx'), 'PK\u0003\u0004 not really a workbook');
    const filled = await fillPack(pack, new Map([[ids[0]!, good]]), join(copy.dir, 'filled.xlsx'));
    const noBy = await rewritePack(filled, join(copy.dir, 'no-by.xlsx'), {
      grid: (grid) => grid.map((row) => row.slice(0, -1)),
    });
    const twice = await rewritePack(filled, join(copy.dir, 'twice.xlsx'), {
      grid: (grid) => grid.map((row, r) => [...row, r === 1 ? '结论' : null]),
    });
    const result = await rollcall(['ledger', 'import', notPack, broken, noBy, twice, '--ledger', copy.ledger]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('roster.xlsx：没有任何工作表的表头含「案例编号」');
    expect(result.stdout).toContain('broken.xlsx：无法作为 Excel 工作簿读取');
    expect(result.stdout).toContain('no-by.xlsx：工作表「待跟进」缺少「经办人」列');
    expect(result.stdout).toContain('twice.xlsx：工作表「待跟进」有两列都叫「结论」');
    expect(result.stderr).toContain('files with problems, not imported: 4');
    expect(entryCount(copy.ledger)).toBe(0);
  });
});

describe('one command at a time (SPEC §8)', () => {
  it('an import while another command holds the ledger stops at once and adds nothing', async () => {
    const copy = copyNight(night);
    const file = await fillPack(pack, new Map([[ids[0]!, good]]), join(copy.dir, 'returned.xlsx'));
    const lock = await lockLedger(copy.ledger);
    try {
      const result = await rollcall(['ledger', 'import', file, '--ledger', copy.ledger]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/busy|another|pid/i);
    } finally {
      await lock.release();
    }
    expect(entryCount(copy.ledger)).toBe(0);
  });
});
