import { describe, expect, it } from 'vitest';
import type { LedgerView } from '../../src/domain/index.js';
import { LedgerStore, openLedgerRun, standingOf, verifyLedger } from '../../src/ledger/index.js';
import { t } from '../../src/i18n/index.js';
import { ledgerSheets } from '../../src/report/ledger-sheets.js';
import { masker } from '../../src/report/index.js';
import { join, tempDir } from '../helpers/files.js';
import { absent, inLedger, night } from '../helpers/ledger-nights.js';

const stateOf = (view: LedgerView, id: string) => view.cases.get(id)?.state;

describe('case states across nights (SPEC §8)', () => {
  it('new → open → resolved → new again; closed while the evidence holds, reopened when it changes', async () => {
    const ledger = join(tempDir(), 'ledger.sqlite');
    let view = await night(ledger, '2026-09-01', [absent('EA-a', ['not_checked_in']), absent('EA-b', ['not_checked_in'], '东湖镇')]);
    expect([stateOf(view, 'EA-a'), stateOf(view, 'EA-b')]).toEqual(['new', 'new']);
    expect(view.summary).toEqual({ run: '2026-09-01', previous_run: null, new: 2, open: 0, reopened: 0, closed: 0, resolved: 0 });

    view = await night(ledger, '2026-09-02', [absent('EA-a', ['not_checked_in'])]);
    expect(stateOf(view, 'EA-a')).toBe('open');
    expect(view.resolved.map((c) => [c.case_id, c.resolved_on, c.first_seen])).toEqual([['EA-b', '2026-09-02', '2026-09-01']]);
    expect(view.changes.find((row) => row.township === '东湖镇')).toMatchObject({ resolved: 1 });

    // A person closes A on the 3rd (SPEC §9); B comes back.
    const store = LedgerStore.open(ledger);
    store.addEntry({
      caseId: 'EA-a',
      date: '2026-09-03',
      kind: 'close',
      method: 'home_visit',
      outcome: 'returned',
      by: '李',
      sourceFile: 'cli',
    });
    store.close();
    view = await night(ledger, '2026-09-04', [absent('EA-a', ['not_checked_in']), absent('EA-b', ['not_checked_in'], '东湖镇')]);
    expect([stateOf(view, 'EA-a'), stateOf(view, 'EA-b')]).toEqual(['closed', 'new']);
    expect(view.closed.map((c) => [c.case.case_id, c.closed_on, c.outcome])).toEqual([['EA-a', '2026-09-03', 'returned']]);
    expect(view.cases.get('EA-b')).toMatchObject({ first_seen: '2026-09-01', nights: 2 });

    // A disappears: closed, so not resolved.
    view = await night(ledger, '2026-09-05', [absent('EA-b', ['not_checked_in'], '东湖镇')]);
    expect(view.resolved).toEqual([]);
    expect(view.closed.map((c) => c.case.case_id)).toEqual(['EA-a']);

    // A's evidence changes (the school records 辍学): reopened; then an ordinary open case.
    view = await night(ledger, '2026-09-06', [absent('EA-a', ['registry_dropout']), absent('EA-b', ['not_checked_in'], '东湖镇')]);
    expect(stateOf(view, 'EA-a')).toBe('reopened');
    expect(view.closed).toEqual([]);
    view = await night(ledger, '2026-09-07', [absent('EA-a', ['registry_dropout']), absent('EA-b', ['not_checked_in'], '东湖镇')]);
    expect(stateOf(view, 'EA-a')).toBe('open');

    // B has been open since the 4th: more than 7 days on the 12th.
    view = await night(ledger, '2026-09-11', [absent('EA-b', ['not_checked_in'], '东湖镇')]);
    expect(view.total).toMatchObject({ open: 1, overdue: 0 });
    view = await night(ledger, '2026-09-12', [absent('EA-b', ['not_checked_in'], '东湖镇')]);
    expect(view.total).toMatchObject({ open: 1, overdue: 1 });

    expect(inLedger(ledger, verifyLedger)).toEqual([]);
  });

  it('a confirmed dropout the data no longer shows stays on 辍学学生台账 until a person closes it (SPEC §10)', async () => {
    const ledger = join(tempDir(), 'ledger.sqlite');
    await night(ledger, '2026-09-01', [absent('EA-a', ['not_checked_in']), absent('EA-b', ['not_checked_in'])]);
    inLedger(ledger, (store) => {
      for (const caseId of ['EA-a', 'EA-b'])
        store.addEntry({ caseId, date: '2026-09-02', kind: 'verify', outcome: 'confirmed_dropout', by: '王', sourceFile: 'cli' });
    });
    // Neither is found on the 3rd (the child checked in somewhere, say): both resolved, both still confirmed.
    let view = await night(ledger, '2026-09-03', []);
    expect(view.resolved.map((c) => c.case_id)).toEqual(['EA-a', 'EA-b']);
    expect(view.confirmedUnseen.map((u) => [u.case.case_id, u.confirmed, u.last_seen])).toEqual([
      ['EA-a', 'confirmed_dropout', '2026-09-01'],
      ['EA-b', 'confirmed_dropout', '2026-09-01'],
    ]);
    const dropouts = (v: LedgerView) => ledgerSheets({ ledger: v, cases: [], lang: 'zh', mask: masker(false) })[1]!;
    expect(dropouts(view).rows.map((row) => [row.cells[0], row.cells[2]])).toEqual([
      ['EA-a', t('ledger.dropouts.unseen', 'zh', { date: '2026-09-01' })],
      ['EA-b', t('ledger.dropouts.unseen', 'zh', { date: '2026-09-01' })],
    ]);
    // A person closes A: it leaves the unseen list and stands on the ledger with its outcome; B stays, night after night.
    inLedger(ledger, (store) =>
      store.addEntry({ caseId: 'EA-a', date: '2026-09-04', kind: 'close', outcome: 'returned', by: '王', sourceFile: 'cli' }),
    );
    view = await night(ledger, '2026-09-05', []);
    expect(view.confirmedUnseen.map((u) => u.case.case_id)).toEqual(['EA-b']);
    expect(dropouts(view).rows.map((row) => [row.cells[0], row.cells[2]])).toEqual([
      ['EA-a', '已复学'],
      ['EA-b', t('ledger.dropouts.unseen', 'zh', { date: '2026-09-01' })],
    ]);
  });

  it('a closing dated the day of a night closes what that night found, whenever the run was made, and stays closed after', async () => {
    const close = (ledger: string) =>
      inLedger(ledger, (store) =>
        store.addEntry({ caseId: 'EA-a', date: '2026-09-21', kind: 'close', outcome: 'returned', by: '李', sourceFile: 'cli' }),
      );
    const changed = () => [absent('EA-a', ['not_checked_in', 'registry_dropout'])];
    // Recorded before the night of the 21st, which finds the evidence changed; recorded after it, then the night re-run.
    for (const order of ['before the run', 'after the run, then re-run'] as const) {
      const ledger = join(tempDir(), 'ledger.sqlite');
      await night(ledger, '2026-09-20', [absent('EA-a', ['not_checked_in'])]);
      if (order === 'before the run') close(ledger);
      let view = await night(ledger, '2026-09-21', changed());
      if (order !== 'before the run') {
        close(ledger);
        view = await night(ledger, '2026-09-21', changed());
      }
      expect(stateOf(view, 'EA-a'), order).toBe('closed');
      for (const asOf of ['2026-09-22', '2026-09-23']) {
        view = await night(ledger, asOf, changed());
        expect(stateOf(view, 'EA-a'), `${order}, ${asOf}`).toBe('closed');
      }
      const standing = inLedger(ledger, (store) => standingOf(store, 'EA-a', store.entries().get('EA-a') ?? []));
      expect(standing, order).toMatchObject({ reopened: false, fromNextRun: false });
      // A change after the closing's date reopens it, and it stays on the lists.
      view = await night(ledger, '2026-09-24', [absent('EA-a', ['registry_dropout'])]);
      expect(stateOf(view, 'EA-a'), order).toBe('reopened');
      view = await night(ledger, '2026-09-25', [absent('EA-a', ['registry_dropout'])]);
      expect(stateOf(view, 'EA-a'), order).toBe('open');
      expect(inLedger(ledger, verifyLedger)).toEqual([]);
    }
  });

  it('a closed case reopened by a later night, then gone from the data, is resolved like any open case (it does not vanish)', async () => {
    const ledger = join(tempDir(), 'ledger.sqlite');
    await night(ledger, '2026-09-01', [absent('EA-a', ['not_checked_in']), absent('EA-b', ['not_checked_in'])]);
    inLedger(ledger, (store) =>
      store.addEntry({ caseId: 'EA-a', date: '2026-09-01', kind: 'close', outcome: 'returned', by: '李', sourceFile: 'cli' }),
    );
    const b = absent('EA-b', ['not_checked_in']);
    expect(stateOf(await night(ledger, '2026-09-02', [absent('EA-a', ['not_checked_in']), b]), 'EA-a')).toBe('closed');
    expect(stateOf(await night(ledger, '2026-09-03', [absent('EA-a', ['registry_dropout']), b]), 'EA-a')).toBe('reopened');
    expect(stateOf(await night(ledger, '2026-09-04', [absent('EA-a', ['registry_dropout']), b]), 'EA-a')).toBe('open');
    const view = await night(ledger, '2026-09-05', [b]);
    expect(view.resolved.map((c) => c.case_id)).toEqual(['EA-a']);
    expect(view.closed).toEqual([]);
    expect(view.summary.resolved).toBe(1);
    expect(inLedger(ledger, verifyLedger)).toEqual([]);
  });

  it('a later entry with an open outcome takes a closing back', async () => {
    const ledger = join(tempDir(), 'ledger.sqlite');
    await night(ledger, '2026-09-01', [absent('EA-a', ['not_checked_in'])]);
    const store = LedgerStore.open(ledger);
    store.addEntry({ caseId: 'EA-a', date: '2026-09-02', kind: 'close', outcome: 'studying_elsewhere', by: '李', sourceFile: 'cli' });
    store.addEntry({
      caseId: 'EA-a',
      date: '2026-09-03',
      kind: 'verify',
      outcome: 'still_out',
      note: '外地学校查无此人',
      by: '王',
      sourceFile: 'cli',
    });
    store.close();
    const view = await night(ledger, '2026-09-04', [absent('EA-a', ['not_checked_in'])]);
    expect(stateOf(view, 'EA-a')).toBe('open');
    expect(view.cases.get('EA-a')!.follow_up).toMatchObject({ entries: 2, last: { outcome: 'still_out', by: '王' } });
  });

  it('each run records what it changed and each case its nights, as written; re-runs and a ledger from before migration 3 agree', async () => {
    const ledger = join(tempDir(), 'ledger.sqlite');
    await night(ledger, '2026-09-01', [absent('EA-a', ['not_checked_in']), absent('EA-b', ['not_checked_in'], '东湖镇')]);
    await night(ledger, '2026-09-02', [absent('EA-a', ['not_checked_in'])]);
    // The clerk re-runs the 2nd with a corrected file: it replaces the run, B is back, C is new.
    await night(ledger, '2026-09-02', [
      absent('EA-a', ['not_checked_in']),
      absent('EA-b', ['not_checked_in'], '东湖镇'),
      absent('EA-c', ['registry_dropout']),
    ]);
    // A person closes A before the 3rd: gone that night, it is closed, not resolved; B is resolved.
    const closing = LedgerStore.open(ledger);
    closing.addEntry({ caseId: 'EA-a', date: '2026-09-03', kind: 'close', outcome: 'returned', by: '李', sourceFile: 'cli' });
    closing.close();
    await night(ledger, '2026-09-03', [absent('EA-c', ['registry_dropout'])]);

    const recorded = () => {
      const store = LedgerStore.open(ledger);
      try {
        return {
          runs: store.runs().map((run) => [run.as_of, run.new_cases, run.resolved_cases, run.open_by_category]),
          cases: [...store.cases().values()].map((row) => [row.case_id, row.nights, row.open_since]).sort(),
          problems: verifyLedger(store),
        };
      } finally {
        store.close();
      }
    };
    const before = recorded();
    expect(before.runs).toEqual([
      ['2026-09-01', 2, 0, { enrolled_absent: 2 }],
      ['2026-09-02', 1, 0, { enrolled_absent: 3 }],
      ['2026-09-03', 0, 1, { enrolled_absent: 1 }],
    ]);
    expect(before.cases).toEqual([
      ['EA-a', 2, '2026-09-01'],
      ['EA-b', 2, '2026-09-01'],
      ['EA-c', 2, '2026-09-02'],
    ]);
    expect(before.problems).toEqual([]);

    // The same ledger as rollcall wrote it before migration 3: the migration fills the columns in the same.
    const store = LedgerStore.open(ledger);
    store.db.exec(`
      ALTER TABLE cases DROP COLUMN nights; ALTER TABLE cases DROP COLUMN open_since;
      ALTER TABLE runs DROP COLUMN new_cases; ALTER TABLE runs DROP COLUMN resolved_cases; ALTER TABLE runs DROP COLUMN open_by_category;
      PRAGMA user_version = 2;`);
    store.close();
    expect(recorded()).toEqual(before);

    // ledger verify recounts them.
    const tamper = LedgerStore.open(ledger);
    tamper.db.exec(`UPDATE cases SET nights = 5 WHERE case_id = 'EA-a'; UPDATE runs SET new_cases = 9 WHERE as_of = '2026-09-03';`);
    expect(verifyLedger(tamper).map((problem) => [problem.key, problem.params])).toEqual([
      [
        'ledger.verify.run_changes',
        { run: '2026-09-03', what: { zh: '新增案例数', en: 'the number of new cases' }, recorded: 9, found: 0 },
      ],
      ['ledger.verify.case_nights', { case_id: 'EA-a', recorded: 5, since: '2026-09-01', found: 2, found_since: '2026-09-01' }],
    ]);
    tamper.close();
  });

  it('a case only a replaced run saw, kept for its follow-up entry, counts its nights again when it comes back', async () => {
    const ledger = join(tempDir(), 'ledger.sqlite');
    await night(ledger, '2026-09-01', [absent('EA-a', ['not_checked_in'])]);
    await night(ledger, '2026-09-02', [absent('EA-a', ['not_checked_in']), absent('EA-d', ['not_checked_in'])]);
    inLedger(ledger, (store) =>
      store.addEntry({ caseId: 'EA-d', date: '2026-09-02', kind: 'verify', method: 'phone', by: '李', sourceFile: 'cli' }),
    );
    // The 2nd again, with the corrected file: D was a mistake of the first file.
    await night(ledger, '2026-09-02', [absent('EA-a', ['not_checked_in'])]);
    const view = await night(ledger, '2026-09-03', [absent('EA-a', ['not_checked_in']), absent('EA-d', ['not_checked_in'])]);
    expect(view.cases.get('EA-d')).toMatchObject({ state: 'new', nights: 1 });
    inLedger(ledger, (store) => {
      expect(store.cases().get('EA-d')).toMatchObject({ nights: 1, open_since: '2026-09-03' });
      expect(verifyLedger(store)).toEqual([]);
    });
  });

  it('a run prepared and not committed (the report failed after) leaves the ledger as it was; a committed one says when it ended', async () => {
    const ledger = join(tempDir(), 'ledger.sqlite');
    await night(ledger, '2026-09-20', [absent('a', ['not_checked_in'])]);
    const [runsBefore, casesBefore] = inLedger(ledger, (store) => [store.runs(), [...store.cases().values()]] as const);

    const failed = await openLedgerRun({ file: ledger, asOf: '2026-09-21', version: 'test', maxShrink: 0.2, acceptShrink: false });
    failed.decide([absent('a', ['not_checked_in']), absent('b', ['not_checked_in'])]);
    await failed.prepare([], { enrolled_absent: 2 });
    await failed.close(); // no commit(): the report could not be written

    inLedger(ledger, (store) => {
      expect(store.runs()).toEqual(runsBefore);
      expect([...store.cases().values()]).toEqual(casesBefore);
      expect(verifyLedger(store)).toEqual([]);
    });

    await night(ledger, '2026-09-21', [absent('a', ['not_checked_in']), absent('b', ['not_checked_in'])]);
    const latest = inLedger(ledger, (store) => store.runs().at(-1)!);
    expect(latest.as_of).toBe('2026-09-21');
    expect(latest.ended >= latest.started).toBe(true);
  });
});
