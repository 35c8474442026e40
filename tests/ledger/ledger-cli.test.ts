import { spawn } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Case, CaseLedger } from '../../src/domain/index.js';
import { generateCounty, type GeneratedCounty } from '../../src/generate/index.js';
import { LedgerStore } from '../../src/ledger/index.js';
import { t } from '../../src/i18n/index.js';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir } from '../helpers/files.js';
import { readWorkbook } from '../helpers/xlsx.js';

let county: GeneratedCounty;
beforeAll(async () => {
  county = await generateCounty({ people: 2000, seed: 7, asOf: 20260920, flavor: 'clean' }, tempDir('rollcall-ledger-county-'));
});

function sources(dir = county.dir): string[] {
  return Object.entries(county.files).flatMap(([source, file]) => [`--${source}`, join(dir, file)]);
}

function reconcile(ledger: string, out: string, asOf: string, extra: string[] = [], dir?: string) {
  return runRollcall(['reconcile', ...sources(dir), '--as-of', asOf, '--out', out, '--ledger', ledger, '--log-level', 'warn', ...extra]);
}

function cases(out: string): (Case & { ledger: CaseLedger })[] {
  return readFileSync(join(out, 'cases.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Case & { ledger: CaseLedger });
}

function runsOf(ledger: string) {
  const store = LedgerStore.open(ledger);
  try {
    return store.runs();
  } finally {
    store.close();
  }
}

describe('reconcile --ledger (SPEC §8)', () => {
  it('records a run with its sources; the same as-of replaces it; an earlier one is refused', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.sqlite');
    const out = join(dir, 'out');
    expect((await reconcile(ledger, out, '2026-09-20')).code).toBe(0);
    const firstCases = cases(out);
    expect(firstCases.length).toBeGreaterThan(0);
    expect(firstCases[0]!.ledger).toEqual({
      state: 'new',
      first_seen: '2026-09-20',
      nights: 1,
      follow_up: { entries: 0, persuasions: 0, notices: 0, confirmed: null, last: null },
    });

    const store = LedgerStore.open(ledger);
    const [run] = store.runs();
    expect(run).toMatchObject({ as_of: '2026-09-20', version: '0.1.0', accepted_shrink: false });
    const recorded = store.runSources(run!.id);
    expect(recorded.map((s) => s.source).sort()).toEqual(['attendance', 'household', 'poverty', 'registry']);
    expect(recorded.find((s) => s.source === 'registry')).toMatchObject({
      size: statSync(join(county.dir, county.files.registry)).size,
      rows_rejected: 0,
    });
    expect(recorded[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    store.close();

    // A clerk re-runs the same night: the run is replaced, nothing counts twice.
    expect((await reconcile(ledger, out, '2026-09-20')).code).toBe(0);
    expect(runsOf(ledger)).toHaveLength(1);
    expect(cases(out).map((c) => c.ledger)).toEqual(firstCases.map((c) => c.ledger));

    const second = await reconcile(ledger, out, '2026-09-21');
    expect(second.code).toBe(0);
    expect(cases(out).every((c) => c.ledger.state === 'open' && c.ledger.nights === 2 && c.ledger.first_seen === '2026-09-20')).toBe(true);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { ledger: unknown };
    expect(summary.ledger).toEqual({
      run: '2026-09-21',
      previous_run: '2026-09-20',
      new: 0,
      open: firstCases.length,
      reopened: 0,
      closed: 0,
      resolved: 0,
    });
    // The leaders' dashboard draws the ledger over time: both runs, counts only (issue #16).
    const dashboard = readFileSync(join(out, 'dashboard.html'), 'utf8');
    for (const chart of ['open_over_time', 'new_vs_resolved', 'funnel', 'open_age']) expect(dashboard).toContain(`data-chart="${chart}"`);
    expect(dashboard).toContain('2026-09-20');

    const before = readFileSync(join(out, 'cases.jsonl'), 'utf8');
    const backwards = await reconcile(ledger, out, '2026-09-19');
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('earlier than the latest run in the ledger');
    expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toBe(before);
    expect(runsOf(ledger)).toHaveLength(2);
    expect((await runRollcall(['ledger', 'verify', ledger])).code).toBe(0);
    // As the other ledger commands take it: --ledger, or "ledger" in the config file; neither is a usage error.
    expect((await runRollcall(['ledger', 'verify', '--ledger', ledger])).code).toBe(0);
    const config = join(dirname(ledger), 'rollcall.json');
    writeFileSync(config, JSON.stringify({ ledger: basename(ledger) }));
    expect((await runRollcall(['ledger', 'verify', '--config', config])).code).toBe(0);
    expect((await runRollcall(['ledger', 'verify'])).code).toBe(2);
  });

  it('keeps the ledger, its backups and the lock file private (0600), and the last 7 backups', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.sqlite');
    const out = join(dir, 'out');
    for (let day = 20; day <= 29; day++) expect((await reconcile(ledger, out, `2026-09-${day}`)).code).toBe(0);
    expect(statSync(ledger).mode & 0o777).toBe(0o600);
    const backups = readdirSync(`${ledger}.bak`).sort();
    expect(backups).toEqual(
      ['2026-09-23', '2026-09-24', '2026-09-25', '2026-09-26', '2026-09-27', '2026-09-28', '2026-09-29'].map((d) => `${d}.sqlite`),
    );
    for (const backup of backups) expect(statSync(join(`${ledger}.bak`, backup)).mode & 0o777).toBe(0o600);
    // A backup is a whole ledger: the one made before the 29th holds the runs up to the 28th.
    expect(
      runsOf(join(`${ledger}.bak`, '2026-09-29.sqlite'))
        .map((r) => r.as_of)
        .at(-1),
    ).toBe('2026-09-28');
    expect(existsSync(`${ledger}.lock`)).toBe(false);
  });

  it('stops when a source shrank by more than 20 % unless --accept-shrink, which the run records', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.sqlite');
    const out = join(dir, 'out');
    expect((await reconcile(ledger, out, '2026-09-20')).code).toBe(0);
    // Tonight's household export was cut short: only 70 % of its lines arrived.
    const short = tempDir();
    for (const file of Object.values(county.files)) copyFileSync(join(county.dir, file), join(short, file));
    const lines = readFileSync(join(county.dir, county.files.household), 'utf8').split('\n');
    writeFileSync(join(short, county.files.household), `${lines.slice(0, Math.round(lines.length * 0.7)).join('\n')}\n`);
    const before = readFileSync(join(out, 'cases.jsonl'), 'utf8');

    const stopped = await reconcile(ledger, out, '2026-09-21', [], short);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toMatch(
      /household \(.*household\.csv\) fell from [\d,]+ accepted rows last run to [\d,]+ \(30% fewer, more than 20%\)/,
    );
    expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toBe(before);
    expect(runsOf(ledger)).toHaveLength(1);

    expect((await reconcile(ledger, out, '2026-09-21', ['--accept-shrink'], short)).code).toBe(0);
    expect(runsOf(ledger).map((r) => r.accepted_shrink)).toEqual([false, true]);
  });

  it('a config can name the ledger (beside the config) and set the guard', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'rollcall.json'), JSON.stringify({ ledger: 'county.sqlite', guard: { maxShrink: 0.5 } }));
    const result = await runRollcall([
      'reconcile',
      ...sources(),
      '--as-of',
      '2026-09-20',
      '--out',
      join(dir, 'out'),
      '--config',
      join(dir, 'rollcall.json'),
      '--log-level',
      'warn',
    ]);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'county.sqlite'))).toBe(true);
    const wrong = await runRollcall([
      'reconcile',
      ...sources(),
      '--out',
      join(dir, 'out2'),
      '--config',
      writeConfig(dir, { guard: { maxShrink: 2 } }),
    ]);
    expect(wrong.code).toBe(2);
  });

  it('one run at a time: a live holder stops the run at once, naming it; a dead holder’s lock is taken over', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.sqlite');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(
        `${ledger}.lock`,
        JSON.stringify({ pid: sleeper.pid, started: '2026-09-20T01:00:00.000Z', host: (await import('node:os')).hostname() }),
      );
      const busy = await reconcile(ledger, join(dir, 'out'), '2026-09-20');
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain(`pid ${sleeper.pid}`);
      expect(busy.stderr).toContain('2026-09-20T01:00:00.000Z');
      expect((await runRollcall(['ledger', 'verify', ledger])).code).toBe(2);
    } finally {
      sleeper.kill('SIGKILL');
    }
    await new Promise((resolve) => sleeper.once('exit', resolve));
    // The holder is gone: its lock is taken over.
    expect((await reconcile(ledger, join(dir, 'out'), '2026-09-20')).code).toBe(0);
    expect(existsSync(`${ledger}.lock`)).toBe(false);
  });

  it('a closed case leaves every list but the closed sheet; the workbook has the ledger sheets', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.sqlite');
    const out = join(dir, 'out');
    expect((await reconcile(ledger, out, '2026-09-20')).code).toBe(0);
    const absent = cases(out).filter((c) => c.category === 'enrolled_absent');
    expect(absent.length).toBeGreaterThanOrEqual(3);
    const [closed, confirmed] = absent;
    const store = LedgerStore.open(ledger);
    expect(
      store.addEntry({
        caseId: confirmed!.case_id,
        date: '2026-09-21',
        kind: 'verify',
        method: 'home_visit',
        outcome: 'confirmed_dropout',
        by: 'A',
        sourceFile: 'pack.xlsx',
        sourceRow: 2,
        importKey: 'k1',
      }),
    ).toBe(true);
    expect(
      store.addEntry({
        caseId: confirmed!.case_id,
        date: '2026-09-21',
        kind: 'verify',
        method: 'home_visit',
        outcome: 'confirmed_dropout',
        by: 'A',
        sourceFile: 'pack.xlsx',
        sourceRow: 2,
        importKey: 'k1',
      }),
    ).toBe(false);
    store.addEntry({
      caseId: confirmed!.case_id,
      date: '2026-09-22',
      kind: 'persuade',
      method: 'phone',
      outcome: 'still_out',
      by: 'B',
      sourceFile: 'cli',
    });
    store.addEntry({
      caseId: closed!.case_id,
      date: '2026-09-22',
      kind: 'close',
      method: 'home_visit',
      outcome: 'moved_out',
      by: 'C',
      sourceFile: 'cli',
    });
    expect(() =>
      store.addEntry({ caseId: closed!.case_id, date: '2026-09-22', kind: 'close', outcome: 'still_out', by: 'C', sourceFile: 'cli' }),
    ).toThrow(/closing outcome/);
    expect(() => store.db.prepare('DELETE FROM entries').run()).toThrow(/append-only/);
    store.close();

    const second = await reconcile(ledger, out, '2026-09-23');
    expect(second.code).toBe(0);
    // The terminal says how many of the total are closed; the dashboard's breakdowns all count every case found.
    expect(second.stdout).toContain(t('cli.run.of_which_closed', 'zh', { count: '1' }));
    const html = readFileSync(join(out, 'dashboard.html'), 'utf8');
    const { data } = JSON.parse(/<script type="application\/json" id="dashboard-data">([^<]*)<\/script>/.exec(html)![1]!) as {
      data: {
        total: number;
        by_school: { count: number }[];
        by_township: { count: number }[];
      };
    };
    const sum = (list: { count: number }[]) => list.reduce((total, c) => total + c.count, 0);
    expect([sum(data.by_school), sum(data.by_township)]).toEqual([data.total, data.total]);
    const tonight = new Map(cases(out).map((c) => [c.case_id, c.ledger]));
    expect(tonight.get(closed!.case_id)!.state).toBe('closed');
    expect(tonight.get(confirmed!.case_id)).toMatchObject({
      state: 'open',
      follow_up: { entries: 2, persuasions: 1, confirmed: 'confirmed_dropout' },
    });
    expect(readFileSync(join(out, 'enrolled_absent.csv'), 'utf8')).not.toContain(closed!.case_id);
    expect(readFileSync(join(out, 'enrolled_absent.csv'), 'utf8')).toContain(confirmed!.case_id);

    const workbook = await readWorkbook(join(out, 'report.xlsx'));
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(expect.arrayContaining(['适龄儿童台账', '疑似辍学学生台账', '辍学学生台账', '已消除', '已销号']));
    const column = (sheet: string, col: number) => workbook.getWorksheet(sheet)!.getColumn(col).values.map(String);
    expect(column('已销号', 1)).toContain(closed!.case_id);
    expect(column('辍学学生台账', 1)).toContain(confirmed!.case_id);
    expect(column('疑似辍学学生台账', 1)).not.toContain(confirmed!.case_id);
    expect(column('疑似辍学学生台账', 1)).not.toContain(closed!.case_id);
    // The summary sheet says why its tables below count one case fewer than the total.
    const summarySheet = workbook.getWorksheet('摘要')!;
    const closedRow = summarySheet.getColumn(1).values.indexOf(t('report.wb.of_which_closed', 'zh'));
    expect(closedRow).toBeGreaterThan(0);
    expect(summarySheet.getCell(closedRow, 2).value).toBe(1);
    const children = workbook.getWorksheet('适龄儿童台账')!;
    expect(children.rowCount).toBeGreaterThan(200);
    expect(column('适龄儿童台账', 8)).toContain('确认辍学');
    expect(column('适龄儿童台账', 8)).toContain('已销号（已迁出）');
    expect(column('适龄儿童台账', 8)).toContain('在读');

    // The same night in English (it replaces the run): English brackets, English labels.
    expect((await reconcile(ledger, out, '2026-09-23', ['--lang', 'en'])).code).toBe(0);
    const english = (await readWorkbook(join(out, 'report.xlsx'))).getWorksheet('School-age children')!;
    expect(english.getColumn(8).values.map(String)).toContain('Closed (moved out)');
  });

  it('with --notices, each notice written is an entry (书面通知) on its case, once a night', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.sqlite');
    const out = join(dir, 'out');
    expect((await reconcile(ledger, out, '2026-09-20', ['--notices'])).code).toBe(0);
    const noticed = cases(out).filter((c) => c.category === 'enrolled_absent' || c.category === 'unregistered_school_age');
    expect(noticed.length).toBeGreaterThan(0);
    const entriesOf = () => {
      const store = LedgerStore.open(ledger);
      try {
        return [...store.entries().values()].flat();
      } finally {
        store.close();
      }
    };
    const first = entriesOf();
    expect(first).toHaveLength(noticed.length);
    expect(
      first.every((e) => e.kind === 'persuade' && e.method === 'written_notice' && e.by === 'rollcall' && e.date === '2026-09-20'),
    ).toBe(true);
    // Re-running the same night adds nothing; the next night with notices adds one more each.
    expect((await reconcile(ledger, out, '2026-09-20', ['--notices'])).code).toBe(0);
    expect(entriesOf()).toHaveLength(noticed.length);
    expect((await reconcile(ledger, out, '2026-09-21', ['--notices'])).code).toBe(0);
    expect(entriesOf()).toHaveLength(noticed.length * 2);
    // A notice written is no one's visit: counted apart, not as a persuasion, a follow-up or the latest entry.
    const again = cases(out).find((c) => c.case_id === noticed[0]!.case_id)!;
    expect(again.ledger.follow_up).toEqual({ entries: 0, persuasions: 0, notices: 1, confirmed: null, last: null });
    // The leaders' funnel: suspected, but no one confirmed or persuaded yet.
    const funnel = /"funnel":(\{[^}]*\})/.exec(readFileSync(join(out, 'dashboard.html'), 'utf8'))![1]!;
    expect(JSON.parse(funnel)).toMatchObject({ confirmed: 0, persuaded: 0, returned_or_closed: 0 });
    // ledger show lists it, in the reader's language.
    const show = await runRollcall(['ledger', 'show', again.case_id, '--ledger', ledger, '--lang', 'en']);
    expect(show.stdout).toContain(t('notices.ledger_note', 'en'));
    expect(show.stdout).not.toContain(t('notices.ledger_note', 'zh'));
  });

  it('ledger verify finds a state that does not follow from the runs', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.sqlite');
    expect((await reconcile(ledger, join(dir, 'out'), '2026-09-20')).code).toBe(0);
    expect((await reconcile(ledger, join(dir, 'out'), '2026-09-21')).code).toBe(0);
    const store = LedgerStore.open(ledger);
    store.db
      .prepare(
        "UPDATE case_nights SET state = 'closed' WHERE run_id = (SELECT max(id) FROM runs) AND case_ref = (SELECT min(case_ref) FROM case_nights)",
      )
      .run();
    store.close();
    const result = await runRollcall(['ledger', 'verify', ledger, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/in the run of 2026-09-21, case \S+ has state "closed", which does not follow/);
    expect(result.stdout).toMatch(
      /the run of 2026-09-21 recorded the number of open "Enrolled but absent" cases as \d+, its nights say \d+/,
    );
    // In Chinese, the states and categories a clerk reads, never the codes.
    const zh = await runRollcall(['ledger', 'verify', ledger]);
    expect(zh.stdout).toMatch(/2026-09-21 的运行中案例 \S+ 的状态「已销号」无法由前一次运行和跟进记录推出/);
    expect(zh.stdout).toMatch(/2026-09-21 的运行记录的未销号的「在籍不在校」案例数为 \d+，按当晚的记录应为 \d+/);
    expect(zh.stdout).not.toMatch(/closed|enrolled_absent/);
    expect((await runRollcall(['ledger', 'verify', join(dir, 'nothing.sqlite')])).code).toBe(2);
  });
});

function writeConfig(dir: string, config: unknown): string {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(config));
  return file;
}
