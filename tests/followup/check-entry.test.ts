import { describe, expect, it } from 'vitest';
import { checkEntry, type RawEntry } from '../../src/followup/check-entry.js';

// SPEC §9: one entry's checks, as a pack row or `ledger record` gives it.

const context = { caseIds: new Set(['EA-1']), today: '2026-09-25', lang: 'zh' as const };
const base: RawEntry = { case_id: 'EA-1', date: '2026-09-21', kind: '核实', method: null, outcome: null, note: null, by: '王老师' };

describe('checkEntry', () => {
  it.each<[RawEntry['date'], string]>([
    ['2026-09-21', '2026-09-21'],
    ['2026/9/21', '2026-09-21'],
    ['2026.09.21', '2026-09-21'],
    ['20260921', '2026-09-21'],
    ['2026年9月21日', '2026-09-21'],
    ['2026-09-21 00:00:00', '2026-09-21'],
    [new Date(Date.UTC(2026, 8, 21)), '2026-09-21'],
    [46286, '2026-09-21'],
    ['2026-09-25', '2026-09-25'],
  ])('reads the date %j', (date, expected) => {
    expect(checkEntry({ ...base, date }, context).entry?.date).toBe(expected);
  });

  it.each<[RawEntry['date'], string]>([
    ['21/09/2026', 'followup.row.bad_date'],
    ['2026-13-01', 'followup.row.bad_date'],
    [46286.5, 'followup.row.bad_date'],
    ['2026-09-26', 'followup.row.future_date'],
  ])('refuses the date %j', (date, key) => {
    const { entry, problems } = checkEntry({ ...base, date }, context);
    expect(entry).toBeNull();
    expect(problems.map((problem) => problem.key)).toEqual([key]);
  });

  it('reads list values in 中文, English or as codes', () => {
    for (const [kind, method, outcome] of [
      ['劝返', '乡镇责令限期改正', '延缓入学或休学'],
      ['persuade', 'township order', 'Deferred'],
      ['persuade', 'township_order', 'deferred'],
      [' 劝返 ', '乡镇责令限期改正', '延缓入学或休学 '],
    ]) {
      expect(checkEntry({ ...base, kind: kind!, method: method!, outcome: outcome! }, context).entry).toMatchObject({
        kind: 'persuade',
        method: 'township_order',
        outcome: 'deferred',
      });
    }
  });

  it('a closing outcome closes whatever the kind; 销号 needs one', () => {
    expect(checkEntry({ ...base, kind: '核实', outcome: '已迁出' }, context).problems).toEqual([]);
    expect(checkEntry({ ...base, kind: '劝返', outcome: '已复学' }, context).problems).toEqual([]);
    expect(checkEntry({ ...base, kind: '销号', outcome: '已复学' }, context).problems).toEqual([]);
    for (const outcome of [null, '数据有误', '未复学', '确认未入学']) {
      expect(checkEntry({ ...base, kind: '销号', outcome }, context).problems.map((p) => [p.field, p.key])).toEqual([
        ['outcome', 'followup.row.close_without_outcome'],
      ]);
    }
  });

  it('the same content gives the same import key; any difference, another', () => {
    const key = (raw: RawEntry) => checkEntry(raw, context).entry!.importKey;
    expect(key(base)).toBe(key({ ...base, date: new Date(Date.UTC(2026, 8, 21)), by: ' 王老师 ' }));
    expect(key(base)).not.toBe(key({ ...base, note: '再次核实' }));
    expect(key(base)).not.toBe(key({ ...base, date: '2026-09-20' }));
  });

  it('lists every problem of the entry at once', () => {
    const { problems } = checkEntry(
      { case_id: 'XX', date: 'soon', kind: 'visit', method: '微信', outcome: '好', note: null, by: null },
      context,
    );
    expect(problems.map((problem) => `${problem.field}:${problem.key}`)).toEqual([
      'by:followup.row.required',
      'case_id:followup.row.unknown_case',
      'date:followup.row.bad_date',
      'kind:followup.row.not_in_list',
      'method:followup.row.not_in_list',
      'outcome:followup.row.not_in_list',
    ]);
  });
});

describe('the lists a problem offers', () => {
  it('are separated as the language writes lists', () => {
    const allowed = (lang: 'zh' | 'en', raw: Partial<RawEntry>) =>
      checkEntry({ ...base, ...raw }, { ...context, lang }).problems.map((problem) => problem.params.allowed);
    expect(allowed('zh', { method: '微信' })).toEqual(['电话、家访、书面通知、乡镇责令限期改正、司法文书、其他']);
    expect(allowed('en', { method: '微信' })).toEqual(['phone, home visit, written notice, township order, court document, other']);
    expect(allowed('en', { kind: '销号', outcome: '未复学' })[0]).toMatch(/^returned, studying elsewhere, .*, moved out$/);
  });
});

describe('dates before 2000-01-01 (a mistyped year; the pack’s date check says the same)', () => {
  it.each([
    ['1926-09-24', ['followup.row.early_date']],
    ['1999-12-31', ['followup.row.early_date']],
    ['2000-01-01', []],
  ])('%s', (date, keys) => {
    expect(checkEntry({ ...base, date }, context).problems.map((problem) => problem.key)).toEqual(keys);
  });
});

describe('what a problem quotes', () => {
  it('masks an ID number typed into a column and cuts a long text', () => {
    const { problems } = checkEntry({ ...base, case_id: '341324201409123456', kind: '家访'.repeat(30) }, context);
    expect(problems.map((problem) => problem.params.value)).toEqual(['341324********3456', `${'家访'.repeat(20)}…`]);
  });
});
