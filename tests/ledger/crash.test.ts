import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCounty, type GeneratedCounty } from '../../src/generate/index.js';
import { LedgerStore } from '../../src/ledger/index.js';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir } from '../helpers/files.js';

// SPEC §8 crash safety, with real kills: the built CLI (npm test builds first) is
// made to stop at a stage (ROLLCALL_TEST_PAUSE_AT, pipeline/test-pause.ts) and is
// killed there with SIGKILL. The ledger must be as before the run, the previous
// report in place, and the next run must succeed.

let county: GeneratedCounty;
beforeAll(async () => {
  county = await generateCounty({ people: 2000, seed: 11, asOf: 20260920, flavor: 'clean' }, tempDir('rollcall-crash-county-'));
});

function args(ledger: string, out: string, asOf: string): string[] {
  const files = Object.entries(county.files).flatMap(([source, file]) => [`--${source}`, join(county.dir, file)]);
  return ['reconcile', ...files, '--as-of', asOf, '--out', out, '--ledger', ledger, '--log-level', 'warn'];
}

/** Starts the built CLI, waits until it pauses at `stage`, kills it with SIGKILL. */
function killAt(stage: string, argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/rollcall.js', ...argv], {
      env: { ...process.env, ROLLCALL_TEST_PAUSE_AT: stage },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(`rollcall-test-paused ${stage}`)) child.kill('SIGKILL');
    });
    child.once('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`the run did not pause at ${stage} (exit ${code}): ${stderr}`)),
    );
  });
}

function ledgerState(ledger: string): { runs: string[]; nights: number } {
  const store = LedgerStore.open(ledger);
  try {
    const runs = store.runs();
    const nights = runs.reduce((sum, run) => sum + store.nightsOfRun(run.id).size, 0);
    return { runs: runs.map((run) => run.as_of), nights };
  } finally {
    store.close();
  }
}

describe('a run killed with SIGKILL (SPEC §8)', () => {
  it.each(['loaded', 'states-decided', 'reports-written', 'ledger-backed-up', 'ledger-transaction'])(
    'at %s leaves the ledger and the report as they were; the next run succeeds',
    async (stage) => {
      const dir = tempDir();
      const ledger = join(dir, 'ledger.sqlite');
      const out = join(dir, 'out');
      expect((await runRollcall(args(ledger, out, '2026-09-20'))).code).toBe(0);
      const report = readFileSync(join(out, 'cases.jsonl'), 'utf8');
      const before = ledgerState(ledger);

      await killAt(stage, args(ledger, out, '2026-09-21'));
      expect(existsSync(`${ledger}.lock`)).toBe(true); // the dead run's lock is still there …
      expect(ledgerState(ledger)).toEqual(before);
      expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toBe(report);
      expect((await runRollcall(['ledger', 'verify', ledger])).code).toBe(0); // … and is taken over

      expect((await runRollcall(args(ledger, out, '2026-09-21'))).code).toBe(0);
      expect(ledgerState(ledger).runs).toEqual(['2026-09-20', '2026-09-21']);
      expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toContain('"state":"open"');
    },
  );

  it('between the commit and the report: the ledger has the run, the previous report stays, a re-run of the night makes both agree', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.sqlite');
    const out = join(dir, 'out');
    expect((await runRollcall(args(ledger, out, '2026-09-20'))).code).toBe(0);
    const report = readFileSync(join(out, 'cases.jsonl'), 'utf8');
    await killAt('ledger-committed', args(ledger, out, '2026-09-21'));
    expect(ledgerState(ledger).runs).toEqual(['2026-09-20', '2026-09-21']);
    expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toBe(report);

    expect((await runRollcall(args(ledger, out, '2026-09-21'))).code).toBe(0);
    expect(ledgerState(ledger).runs).toEqual(['2026-09-20', '2026-09-21']);
    const lines = readFileSync(join(out, 'cases.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(lines.every((line) => line.includes('"state":"open"') && line.includes('"nights":2'))).toBe(true);
    expect((await runRollcall(['ledger', 'verify', ledger])).code).toBe(0);
  });
});
