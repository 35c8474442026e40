import { describe, expect, it } from 'vitest';
import { renderLedgerChanges } from '../../src/cli/ledger-command.js';
import type { Case, FollowUpEntry } from '../../src/domain/index.js';
import { showCase } from '../../src/followup/index.js';
import { computePeriodReport, parseMonth } from '../../src/followup/period-report.js';
import { decidingEntry, verifyLedger, type NewEntry } from '../../src/ledger/index.js';
import { join, tempDir } from '../helpers/files.js';
import { absent, inLedger, night } from '../helpers/ledger-nights.js';

// One rule for "is this case closed by a person" (ledger/states.ts), read the same by
// the nights, `ledger show` and the period reports; entries of one day decide the same
// whatever order the packs came back in (SPEC §9; docs/DECISIONS.md).

function record(ledger: string, ...entries: Omit<NewEntry, 'by' | 'sourceFile'>[]): void {
  inLedger(ledger, (store) => {
    for (const entry of entries) store.addEntry({ by: '李', sourceFile: 'cli', ...entry });
  });
}

/** The last line of `ledger show`: where the case stands now. */
async function standing(ledger: string, id: string, lang: 'zh' | 'en' = 'zh'): Promise<string> {
  return (await showCase(ledger, id, lang)).trimEnd().split('\n').at(-1)!;
}

const A = 'EA-a';
const absentA = absent(A, ['not_checked_in']);
const changedA = absent(A, ['registry_dropout']);

describe('outcomes of the same day, recorded in either order (SPEC §9: packs come back in any order)', () => {
  const townshipSays = { caseId: A, date: '2026-09-02', kind: 'persuade', outcome: 'still_out' } as const;
  const schoolSays = { caseId: A, date: '2026-09-02', kind: 'verify', outcome: 'returned' } as const;

  it.each([
    ['township first', [townshipSays, schoolSays]],
    ['school first', [schoolSays, townshipSays]],
  ])('%s: the closing outcome prevails in the states, ledger show and the monthly report', async (_, order) => {
    const ledger = join(tempDir(), 'ledger.sqlite');
    await night(ledger, '2026-09-01', [absentA]);
    record(ledger, ...order);
    const view = await night(ledger, '2026-09-03', [absentA]);
    expect(view.cases.get(A)?.state).toBe('closed');
    expect(view.closed.map((c) => [c.case.case_id, c.closed_on, c.outcome])).toEqual([[A, '2026-09-02', 'returned']]);
    expect(await standing(ledger, A)).toBe('当前：已于 2026-09-02 销号（已复学）');
    const report = inLedger(ledger, (store) => computePeriodReport(store, parseMonth('2026-09')));
    expect(report.total).toMatchObject({ stillOpen: 0, closed: { returned: 1 } });
    expect(inLedger(ledger, verifyLedger)).toEqual([]);
  });

  it('two closing outcomes of one day: the one SPEC §9 lists first; a later day still decides', () => {
    const entry = (date: string, outcome: FollowUpEntry['outcome']): FollowUpEntry => ({
      date,
      kind: 'close',
      method: null,
      outcome,
      note: '',
      by: '李',
    });
    const moved = entry('2026-09-02', 'moved_out');
    const returned = entry('2026-09-02', 'returned');
    expect(decidingEntry([moved, returned])).toBe(returned);
    expect(decidingEntry([returned, moved])).toBe(returned);
    const stillOut = entry('2026-09-03', 'still_out');
    expect(decidingEntry([stillOut, returned])).toBe(stillOut);
    expect(decidingEntry([stillOut, returned], '2026-09-02')).toBe(returned);
    expect(decidingEntry([{ ...stillOut, outcome: null }])).toBeNull();
  });
});

describe('ledger show says what the ledger says (SPEC §8–§9)', () => {
  it('a closed case whose evidence changed is back on the lists, not closed', async () => {
    const ledger = join(tempDir(), 'ledger.sqlite');
    await night(ledger, '2026-09-01', [absentA]);
    record(ledger, { caseId: A, date: '2026-09-02', kind: 'close', outcome: 'false_alarm' });
    expect((await night(ledger, '2026-09-03', [changedA])).cases.get(A)?.state).toBe('reopened');
    expect(await standing(ledger, A)).toBe('当前：曾于 2026-09-02 销号（误报），销号后证据有变化，重新列入跟进');
    expect(await standing(ledger, A, 'en')).toBe(
      'Now: closed on 2026-09-02 (false alarm), but its evidence has changed since: back on the lists to follow up',
    );
    // Still open on the nights after.
    expect((await night(ledger, '2026-09-04', [changedA])).cases.get(A)?.state).toBe('open');
    expect(await standing(ledger, A)).toContain('重新列入跟进');
  });

  it('closed while the latest night is closed', async () => {
    const ledger = join(tempDir(), 'ledger.sqlite');
    await night(ledger, '2026-09-01', [absentA]);
    record(ledger, { caseId: A, date: '2026-09-02', kind: 'close', outcome: 'false_alarm' });
    expect((await night(ledger, '2026-09-03', [absentA])).cases.get(A)?.state).toBe('closed');
    expect(await standing(ledger, A)).toBe('当前：已于 2026-09-02 销号（误报）');
    expect(await showCase(ledger, A, 'en')).toContain('first seen 2026-09-01, last seen 2026-09-03, nights found: 2');
  });

  it('a closing recorded after the latest run (dated after it, or imported after it ended) acts from the next run', async () => {
    const ledger = join(tempDir(), 'ledger.sqlite');
    await night(ledger, '2026-09-01', [absentA]);
    await night(ledger, '2026-09-03', [absentA]);
    // Dated before the latest run, imported after it ended (a pack returned late).
    record(ledger, { caseId: A, date: '2026-09-02', kind: 'close', outcome: 'returned' });
    expect(await standing(ledger, A)).toBe('当前：已于 2026-09-02 销号（已复学），下次运行起生效（不再列入清单）');
    expect(await standing(ledger, A, 'en')).toBe(
      'Now: closed on 2026-09-02 (returned), taking effect from the next run (left out of the lists)',
    );
    expect((await night(ledger, '2026-09-04', [absentA])).cases.get(A)?.state).toBe('closed');
    expect(await standing(ledger, A)).toBe('当前：已于 2026-09-02 销号（已复学）');

    // Taken back by a later entry: open again from the next run.
    record(ledger, { caseId: A, date: '2026-09-05', kind: 'verify', outcome: 'still_out' });
    expect(await standing(ledger, A)).toBe('当前：未销号（之后的记录撤回了销号，下次运行起重新列入清单）');
    expect((await night(ledger, '2026-09-06', [absentA])).cases.get(A)?.state).toBe('new');
    expect(await standing(ledger, A)).toBe('当前：未销号');

    // Dated after the latest run.
    record(ledger, { caseId: A, date: '2026-09-07', kind: 'close', outcome: 'moved_out' });
    expect(await standing(ledger, A)).toContain('已于 2026-09-07 销号（已迁出），下次运行起生效');
  });
});

describe('still open at the period’s end (SPEC §9 reports): the ledger’s own rule', () => {
  async function twoNights(close: Omit<NewEntry, 'by' | 'sourceFile' | 'caseId'>, when: 'before' | 'after', second: Case) {
    const ledger = join(tempDir(), 'ledger.sqlite');
    await night(ledger, '2026-09-20', [absentA, absent('EA-b', ['not_checked_in'])]);
    if (when === 'before') record(ledger, { caseId: A, ...close });
    await night(ledger, '2026-09-27', [second, absent('EA-b', ['not_checked_in'])]);
    if (when === 'after') record(ledger, { caseId: A, ...close });
    return inLedger(ledger, (store) => computePeriodReport(store, parseMonth('2026-09')).total);
  }

  it('a closing imported after the last night of the month, dated before it, is not still open', async () => {
    const total = await twoNights({ date: '2026-09-24', kind: 'close', outcome: 'returned' }, 'after', absentA);
    expect(total).toMatchObject({ found: 2, stillOpen: 1, closed: { returned: 1 } });
  });

  it('a closing the last night found reopened is still open', async () => {
    const total = await twoNights({ date: '2026-09-24', kind: 'close', outcome: 'returned' }, 'before', changedA);
    expect(total).toMatchObject({ stillOpen: 2 });
  });

  it('a closing dated after the period’s end leaves the case open in the period', async () => {
    const total = await twoNights({ date: '2026-10-02', kind: 'close', outcome: 'returned' }, 'after', absentA);
    expect(total).toMatchObject({ stillOpen: 2, closed: { returned: 0 } });
  });
});

describe('the terminal summary (SPEC §8)', () => {
  it('新增 counts new cases only, as summary.json does; reopened ones are their own figure', async () => {
    const ledger = join(tempDir(), 'ledger.sqlite');
    await night(ledger, '2026-09-01', [absentA]);
    record(ledger, { caseId: A, date: '2026-09-02', kind: 'close', outcome: 'returned' });
    const view = await night(ledger, '2026-09-03', [changedA, absent('EA-b', ['not_checked_in'])]);
    expect(view.summary).toMatchObject({ new: 1, reopened: 1 });
    expect(view.total.new).toBe(1);
    expect(view.changes.find((row) => row.township === '城关镇')?.new).toBe(1);
    const lines = renderLedgerChanges(view, 'zh').split('\n');
    expect(lines[0]).toBe('与上次运行（2026-09-01）相比：新增 1，已消除 0，持续 0（其中已持续超过 7 天 0）');
    expect(lines[1]).toBe('重新出现 1，已销号（不再列入清单）0');
  });
});
