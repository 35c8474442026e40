import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedCounty } from '../../src/generate/index.js';
import { priorityOrder } from '../../src/report/index.js';
import { join, tempDir } from '../helpers/files.js';
import { readWorkbook } from '../helpers/xlsx.js';
import {
  DAY_AFTER,
  fillPack,
  headerColumns,
  makeCounty,
  NIGHT_1,
  packCaseIds,
  packFiles,
  readCases,
  reconcile,
  rollcall,
  type LedgerCase,
} from './packs.js';

// Issue #14: the whole loop through the CLI — night 1 with a ledger, packs out,
// filled in by a township with exceljs, imported, night 2, the monthly report.

let county: GeneratedCounty;
let dir: string;
let ledger: string;
let out: string;
let night1: LedgerCase[];

beforeAll(async () => {
  county = await makeCounty();
  dir = tempDir('rollcall-followup-loop-');
  ledger = join(dir, 'ledger.sqlite');
  out = join(dir, 'out');
  const run = await reconcile(county, ledger, out, NIGHT_1);
  expect(run.code, run.stderr).toBe(0);
  night1 = readCases(out);
});

describe('packs (SPEC §9)', () => {
  it('one pack per township and per school, each open case once, in priority order, 0600', async () => {
    const townships = packFiles(out, '乡镇');
    const schools = packFiles(out, '学校');
    expect(townships.length).toBeGreaterThan(1);
    expect(schools.length).toBeGreaterThan(1);
    const open = night1.filter((c) => c.ledger.state !== 'closed');
    for (const packs of [townships, schools]) {
      const ids = (await Promise.all(packs.map(packCaseIds))).flat();
      expect(ids.sort()).toEqual(open.map((c) => c.case_id).sort());
      for (const pack of packs) expect(statSync(pack).mode & 0o777).toBe(0o600);
    }
    const first = townships[0]!;
    const ofFirst = open.filter((c) => (c.township || '未填乡镇') === basename(first, '.xlsx'));
    expect(await packCaseIds(first)).toEqual(priorityOrder(ofFirst).map((i) => ofFirst[i]!.case_id));
    const unnamed = open.filter((c) => c.school === '');
    if (unnamed.length > 0) expect(schools.map((pack) => basename(pack))).toContain('未填学校.xlsx');
  });

  it('has the history, the fill-in columns with SPEC §9 drop-downs, a protected key column, and prints landscape one page wide', async () => {
    const workbook = await readWorkbook(packFiles(out, '乡镇')[0]!);
    const sheet = workbook.getWorksheet('待跟进')!;
    const columns = headerColumns(sheet);
    for (const header of [
      '案例编号',
      '监护人',
      '户号',
      '村（社区）',
      '首次发现',
      '已持续（次运行）',
      '最近跟进日期',
      '最近跟进类型',
      '最近结论',
    ]) {
      expect(columns.has(header), header).toBe(true);
    }
    const fill = ['跟进日期', '跟进类型', '方式', '结论', '说明', '经办人'].map((header) => columns.get(header)!);
    expect(fill.every((col) => col > columns.get('案例编号')!)).toBe(true);
    const list = (header: string) => sheet.getCell(3, columns.get(header)!).dataValidation;
    expect(list('跟进类型')).toMatchObject({ type: 'list', formulae: ['"核实,劝返,销号"'] });
    expect(list('方式')).toMatchObject({ type: 'list', formulae: ['"电话,家访,书面通知,乡镇责令限期改正,司法文书,其他"'] });
    expect(list('结论')).toMatchObject({
      type: 'list',
      formulae: ['"确认辍学,确认未入学,数据有误,未复学,已复学,在外地就读,送教上门,延缓入学或休学,误报,已死亡,出国出境,已迁出"'],
    });
    const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, sort: true, autoFilter: true, formatColumns: true });
    expect(protection).not.toHaveProperty('hashValue');
    expect(sheet.getCell(3, columns.get('案例编号')!).protection?.locked).not.toBe(false);
    for (const col of fill) expect(sheet.getCell(3, col).protection).toMatchObject({ locked: false });
    // What rollcall wrote is grey; the fill-in cells are white with a border even while empty.
    expect(sheet.getCell(3, columns.get('案例编号')!).fill).toMatchObject({ fgColor: { argb: 'FFEDEDED' } });
    expect(sheet.getCell(3, columns.get('案例编号')!).numFmt).toBe('@');
    expect(sheet.getCell(3, fill[0]!).border).toMatchObject({ top: { style: 'thin' } });
    expect(sheet.getCell(3, fill[0]!).numFmt).toBe('yyyy-mm-dd');
    const firstSeen = sheet.getCell(3, columns.get('首次发现')!);
    expect(firstSeen.value).toBeInstanceOf(Date);
    expect(firstSeen.numFmt).toBe('yyyy-mm-dd');
    // Two handwritten lines at least, and every line of a wrapped cell (a long reason list wraps).
    for (let r = 3; r <= sheet.rowCount; r++) expect(sheet.getRow(r).height).toBeGreaterThanOrEqual(34);
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    });
    expect(workbook.getWorksheet('rollcall')?.state).toBe('hidden');
    expect(String(sheet.getCell(1, 1).value)).toContain(NIGHT_1);
  });

  it('closing, confirming, persuading: import, re-import, night 2, show, monthly report', async () => {
    const pack = packFiles(out, '乡镇')[0]!;
    const ids = await packCaseIds(pack);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    const [returned, confirmed, persuaded, elsewhere] = ids as [string, string, string, string];
    const fills = new Map([
      [returned, { 跟进日期: '2026-09-21', 跟进类型: '销号', 方式: '家访', 结论: '已复学', 经办人: '王老师' }],
      [confirmed, { 跟进日期: new Date(Date.UTC(2026, 8, 22)), 跟进类型: '核实', 方式: '电话', 结论: '确认辍学', 经办人: '李干事' }],
      [persuaded, { 跟进日期: '2026/9/23', 跟进类型: '劝返', 方式: '家访', 结论: '未复学', 说明: '家长外出务工', 经办人: '李干事' }],
      // A verification that finds the child at school elsewhere closes the case (docs/DECISIONS.md).
      [
        elsewhere,
        { 跟进日期: '2026年9月24日', 跟进类型: '核实', 方式: '电话', 结论: '在外地就读', 说明: '在邻县某中学就读', 经办人: '张校长' },
      ],
    ]);
    const returnedPack = await fillPack(pack, fills, join(dir, '某镇回收表（已填）.xlsx'));

    const imported = await rollcall(['ledger', 'import', returnedPack, '--ledger', ledger]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(imported.stdout).toContain('新增跟进记录 4 条，已导入过 0 条');
    const again = await rollcall(['ledger', 'import', returnedPack, '--ledger', ledger]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('新增跟进记录 0 条，已导入过 4 条');

    const out2 = join(dir, 'out2');
    const night2 = await reconcile(county, ledger, out2, '2026-09-26');
    expect(night2.code, night2.stderr).toBe(0);
    const byId = new Map(readCases(out2).map((c) => [c.case_id, c]));
    expect(byId.get(returned)!.ledger.state).toBe('closed');
    expect(byId.get(elsewhere)!.ledger.state).toBe('closed');
    expect(byId.get(confirmed)!.ledger).toMatchObject({ state: 'open', follow_up: { confirmed: 'confirmed_dropout' } });
    expect(byId.get(persuaded)!.ledger).toMatchObject({ state: 'open', follow_up: { persuasions: 1 } });
    // Closed cases are in no list a clerk works from: not in the packs, only on the closed sheet.
    const packIds2 = (await Promise.all(packFiles(out2, '乡镇').map(packCaseIds))).flat();
    expect(packIds2).not.toContain(returned);
    expect(packIds2).not.toContain(elsewhere);
    expect(packIds2).toContain(confirmed);
    const report = await readWorkbook(join(out2, 'report.xlsx'));
    const column = (sheetName: string) => {
      const sheet = report.getWorksheet(sheetName)!;
      const values: string[] = [];
      sheet.eachRow((row, r) => r > 1 && values.push(String(row.getCell(1).value)));
      return values;
    };
    expect(column('辍学学生台账')).toContain(confirmed);
    expect(column('已销号')).toEqual(expect.arrayContaining([returned, elsewhere]));
    expect(column('疑似辍学学生台账')).not.toContain(confirmed);
    // The next pack shows the history so far.
    const pack2 = packFiles(out2, '乡镇').find((file) => basename(file) === basename(pack))!;
    const sheet2 = (await readWorkbook(pack2)).getWorksheet('待跟进')!;
    const cols2 = headerColumns(sheet2);
    const rowOf = (id: string) => {
      for (let r = 3; r <= sheet2.rowCount; r++) if (sheet2.getCell(r, cols2.get('案例编号')!).value === id) return r;
      throw new Error(id);
    };
    expect(sheet2.getCell(rowOf(persuaded), cols2.get('最近跟进类型')!).value).toBe('劝返');
    expect(sheet2.getCell(rowOf(persuaded), cols2.get('最近结论')!).value).toBe('未复学');
    expect(sheet2.getCell(rowOf(persuaded), cols2.get('已持续（次运行）')!).value).toBe(2);

    const show = await rollcall(['ledger', 'show', confirmed, '--ledger', ledger]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('2026-09-20  新增');
    expect(show.stdout).toContain('2026-09-26  持续');
    expect(show.stdout).toContain('2026-09-22  核实  电话  确认辍学  李干事');
    expect(show.stdout).toContain('已认定：确认辍学');
    const showClosed = await rollcall(['ledger', 'show', returned, '--ledger', ledger]);
    expect(showClosed.stdout).toContain('已于 2026-09-21 销号（已复学）');
    expect(showClosed.stdout).toContain('2026-09-26  已销号');

    // The ledger's own invariants hold with the entries (states follow from runs and closings).
    const verify = await rollcall(['ledger', 'verify', ledger]);
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.stdout).toContain('4 条跟进记录');

    const reports = join(dir, 'reports');
    const monthly = await rollcall(
      ['ledger', 'report', '--month', '2026-09', '--out', reports, '--ledger', ledger],
      new Date(2026, 9, 1, 9),
    );
    expect(monthly.code, monthly.stderr).toBe(0);
    const book = await readWorkbook(join(reports, '学校一月一报告-2026-09.xlsx'));
    const byTownship = book.getWorksheet('按乡镇')!;
    expect(String(byTownship.getCell(1, 1).value)).toBe('学校一月一报告：2026-09（2026-09-01 至 2026-09-30），台账截至 2026-09-26');
    const headers = headerColumns(byTownship);
    const total = byTownship.getRow(byTownship.rowCount);
    const figure = (header: string) => total.getCell(headers.get(header)!).value;
    expect(total.getCell(1).value).toBe('合计');
    expect(figure('本期新发现')).toBe(night1.length);
    expect(figure('认定辍学或未入学')).toBe(1);
    expect(figure('劝返次数')).toBe(1);
    expect(figure('已复学')).toBe(1);
    expect(figure('销号：已复学')).toBe(1);
    expect(figure('销号：在外地就读')).toBe(1);
    expect(figure('销号合计')).toBe(2);
    expect(figure('期末未销号')).toBe(night1.length - 2);
    expect(byTownship.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:2' });
    // The school sheet adds up to the same totals.
    const bySchool = book.getWorksheet('按学校')!;
    const schoolHeaders = headerColumns(bySchool);
    let sum = 0;
    for (let r = 3; r < bySchool.rowCount; r++) sum += Number(bySchool.getCell(r, schoolHeaders.get('期末未销号')!).value);
    expect(sum).toBe(night1.length - 2);

    const quarter = await rollcall(
      ['ledger', 'report', '--quarter', '2026Q4', '--out', reports, '--ledger', ledger],
      new Date(2026, 9, 1, 9),
    );
    expect(quarter.code).toBe(0);
    const q4 = (await readWorkbook(join(reports, '一季度一复核-2026Q4.xlsx'))).getWorksheet('按乡镇')!;
    // Nothing happened in Q4 yet: the cases still open at its end are those open on the last night.
    expect(q4.getRow(q4.rowCount).getCell(headerColumns(q4).get('期末未销号')!).value).toBe(night1.length - 2);
    expect(q4.getRow(q4.rowCount).getCell(headerColumns(q4).get('本期新发现')!).value).toBe(0);
  });
});

describe('ledger record and show', () => {
  it('adds one entry with the same checks; the same entry twice adds nothing', async () => {
    const id = night1[0]!.case_id;
    const args = [
      'ledger',
      'record',
      '--case',
      id,
      '--date',
      '2026-09-24',
      '--kind',
      '劝返',
      '--method',
      '电话',
      '--by',
      '赵老师',
      '--ledger',
      ledger,
    ];
    const first = await rollcall(args);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain(`已记入案例 ${id} 的跟进记录：2026-09-24 劝返 电话 赵老师`);
    expect((await rollcall(args)).stdout).toContain('已有完全相同的跟进记录');
    const bad = await rollcall([
      'ledger',
      'record',
      '--case',
      id,
      '--date',
      '2026-10-01',
      '--kind',
      '销号',
      '--outcome',
      '确认辍学',
      '--by',
      '赵老师',
      '--ledger',
      ledger,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('--date：2026-10-01 晚于今天（2026-09-25）');
    expect(bad.stdout).toContain('--outcome：跟进类型为「销号」，但结论「确认辍学」不能销号');
    const english = await rollcall([
      'ledger',
      'record',
      '--case',
      'nope',
      '--date',
      'soon',
      '--kind',
      'visit',
      '--by',
      'x',
      '--ledger',
      ledger,
      '--lang',
      'en',
    ]);
    expect(english.code).toBe(2);
    expect(english.stdout).toContain('--case: the ledger has no case "nope"');
    expect(english.stdout).toContain('--date: "soon" is not a date');
    expect(english.stdout).toContain('--kind: "visit" is not in the list');
    // The ledger as reconcile finds it: named in the config file, relative to it.
    const config = join(dir, 'rollcall.json');
    writeFileSync(config, JSON.stringify({ ledger: 'ledger.sqlite' }));
    const viaConfig = await rollcall(['ledger', 'show', id, '--config', config]);
    expect(viaConfig.code, viaConfig.stderr).toBe(0);
    expect(viaConfig.stdout).toContain('2026-09-24  劝返  电话  赵老师');
    const noLedger = await rollcall(['ledger', 'show', id]);
    expect(noLedger.code).toBe(2);
    expect(noLedger.stderr).toContain('--ledger FILE');
    const unknown = await rollcall(['ledger', 'show', 'nope', '--ledger', ledger]);
    expect(unknown.code).toBe(2);
    expect(readFileSync(ledger).length).toBeGreaterThan(0);
    expect(DAY_AFTER.getDate()).toBe(25);
  });
});
