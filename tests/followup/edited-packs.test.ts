import { execFileSync } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedCounty } from '../../src/generate/index.js';
import { LedgerStore } from '../../src/ledger/index.js';
import { join, tempDir } from '../helpers/files.js';
import { ExcelJS } from '../helpers/xlsx.js';
import {
  copyNight,
  fillPack,
  makeCounty,
  moveColumnToEnd,
  NIGHT_1,
  packCaseIds,
  packFiles,
  reconcile,
  rewritePack,
  rollcall,
  sortRows,
  type Fill,
  type Night,
} from './packs.js';

// SPEC §9: a returned pack may have been re-saved by Excel, WPS or LibreOffice, its
// rows sorted, columns hidden or moved, sheets added: it still imports, and the
// same follow-up imported again in another shape adds nothing.

let county: GeneratedCounty;
let night: Night;
let filled: string;
let fills: Map<string, Fill>;

beforeAll(async () => {
  county = await makeCounty();
  const dir = tempDir('rollcall-followup-edited-');
  night = { dir, ledger: join(dir, 'ledger.sqlite'), out: join(dir, 'out') };
  expect((await reconcile(county, night.ledger, night.out, NIGHT_1)).code).toBe(0);
  const pack = packFiles(night.out, '学校')[0]!;
  const ids = await packCaseIds(pack);
  expect(ids.length).toBeGreaterThanOrEqual(2);
  fills = new Map<string, Fill>([
    [ids[0]!, { 跟进日期: '2026-09-21', 跟进类型: '劝返', 方式: '家访', 结论: '未复学', 说明: '  家长同意下周返校 ', 经办人: '王老师' }],
    [ids.at(-1)!, { 跟进日期: new Date(Date.UTC(2026, 8, 22)), 跟进类型: '销号', 方式: '电话', 结论: '误报', 经办人: '李老师' }],
  ]);
  filled = await fillPack(pack, fills, join(dir, 'filled.xlsx'));
});

function entries(ledger: string) {
  const store = LedgerStore.open(ledger);
  try {
    return [...store.entries().values()]
      .flat()
      .map(({ case_id, date, kind, method, outcome, note, by }) => ({ case_id, date, kind, method, outcome, note, by }));
  } finally {
    store.close();
  }
}

async function importsAsOriginal(edited: string): Promise<void> {
  const copy = copyNight(night);
  const first = await rollcall(['ledger', 'import', edited, '--ledger', copy.ledger]);
  expect(first.code, first.stdout + first.stderr).toBe(0);
  expect(first.stdout).toContain('新增跟进记录 2 条');
  const recorded = entries(copy.ledger);
  expect(recorded.map((entry) => entry.case_id).sort()).toEqual([...fills.keys()].sort());
  expect(recorded.find((entry) => entry.kind === 'persuade')).toMatchObject({
    date: '2026-09-21',
    method: 'home_visit',
    outcome: 'still_out',
    note: '家长同意下周返校',
    by: '王老师',
  });
  expect(recorded.find((entry) => entry.kind === 'close')).toMatchObject({
    date: '2026-09-22',
    method: 'phone',
    outcome: 'false_alarm',
    by: '李老师',
  });
  // The unedited pack holds the same follow-up: importing it too adds nothing.
  const original = await rollcall(['ledger', 'import', filled, '--ledger', copy.ledger]);
  expect(original.stdout).toContain('新增跟进记录 0 条，已导入过 2 条');
}

describe('packs edited the way spreadsheets do', () => {
  it('the same pack twice adds nothing the second time', async () => {
    await importsAsOriginal(filled);
  });

  it('rows sorted, a column hidden, columns moved, a sheet added before it', async () => {
    const dir = tempDir();
    const caseIdColumn = 0;
    const edited = await rewritePack(filled, join(dir, '回收-排序后.xlsx'), {
      grid: (grid) =>
        moveColumnToEnd(
          moveColumnToEnd(
            sortRows(grid, (a, b) => String(b[caseIdColumn]).localeCompare(String(a[caseIdColumn]))),
            '跟进日期',
          ),
          '案例编号',
        ),
      hide: ['身份证号', '说明'],
      extraSheetFirst: true,
    });
    await importsAsOriginal(edited);
  });

  it('dates typed as text, or left as bare Excel day numbers', async () => {
    const dir = tempDir();
    const edited = await rewritePack(filled, join(dir, 'dates.xlsx'), {
      grid: (grid) => {
        const col = grid[1]!.indexOf('跟进日期');
        return grid.map((row) => {
          const value = row[col];
          if (!(value instanceof Date)) return row;
          const copy = [...row];
          // 2026-09-22 is day 46287 counted from 1899-12-30, as Excel stores it.
          copy[col] = value.getUTCDate() === 22 ? 46287 : '2026年9月21日';
          return copy;
        });
      },
    });
    await importsAsOriginal(edited);
  });

  it.skipIf(!existsSync('/usr/bin/soffice'))('re-saved by LibreOffice', async () => {
    const dir = tempDir();
    const profile = tempDir('rollcall-lo-profile-');
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', dir, filled],
      {
        stdio: 'ignore',
        timeout: 90_000,
      },
    );
    const resaved = join(dir, 'resaved-by-libreoffice.xlsx');
    renameSync(join(dir, 'filled.xlsx'), resaved);
    // LibreOffice rewrote it: the identity sheet is still there, still hidden.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(resaved);
    expect(workbook.getWorksheet('rollcall')?.state).not.toBe('visible');
    await importsAsOriginal(resaved);
  });
});

describe('more than one follow-up of a case in one pack', () => {
  it('a row copied below for a second visit is a second entry', async () => {
    const dir = tempDir();
    const edited = await rewritePack(filled, join(dir, 'two-visits.xlsx'), {
      grid: (grid) => {
        const dateCol = grid[1]!.indexOf('跟进日期');
        const first = grid.find((row) => row[0] === [...fills.keys()][0])!;
        const again = [...first];
        again[dateCol] = '2026-09-23';
        return [...grid, again];
      },
    });
    const copy = copyNight(night);
    const result = await rollcall(['ledger', 'import', edited, '--ledger', copy.ledger]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('新增跟进记录 3 条');
    expect(
      entries(copy.ledger)
        .filter((entry) => entry.kind === 'persuade')
        .map((entry) => entry.date),
    ).toEqual(['2026-09-21', '2026-09-23']);
  });
});
