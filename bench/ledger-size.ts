// node dist/bench/ledger-size.js [--people 1000000] [--nights 30]
//
// How large the ledger grows (SPEC §8, issue #13: under 200 MB after 30 nights of
// a 1 M county). Generates a county and its next night once (.bench-cache/), then
// runs `reconcile --ledger` once a night for `nights` nights, alternating the two
// nights' exports so that cases are resolved and come back as new every night (a
// ledger busier than a real county's), and prints the ledger's size after each and
// how long deciding the states took (it must not grow with the nights: the ledger
// keeps its counts, schema migration 3).
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'bin', 'rollcall.js');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const people = Number(option('people', '1000000'));
const nights = Number(option('nights', '30'));

/** Runs the CLI; returns its log (JSON lines on stderr). */
function run(cliArgs: string[]): string {
  const result = spawnSync(process.execPath, [cli, ...cliArgs], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`rollcall ${cliArgs[0]} failed (${result.status}): ${result.stderr}`);
  return result.stderr;
}

/** The milliseconds of the log line that says the case states were decided. */
function decidingMs(log: string): number | undefined {
  for (const line of log.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { stage?: string; ms?: number; new?: number };
    if (entry.stage === 'ledger' && entry.new !== undefined) return entry.ms;
  }
  return undefined;
}

const base = join(root, '.bench-cache', `ledger-size-${people}`);
const first = join(base, 'night1');
const second = join(base, 'night2');
if (!existsSync(join(first, 'truth.json')))
  run(['generate', '--people', String(people), '--seed', '1', '--as-of', '2026-09-20', '--out', first, '--log-level', 'warn']);
if (!existsSync(join(second, 'truth.json'))) run(['generate', '--next', first, '--out', second, '--log-level', 'warn']);

const ledger = join(base, 'ledger.sqlite');
for (const path of [ledger, `${ledger}-wal`, `${ledger}-shm`, `${ledger}.bak`]) rmSync(path, { recursive: true, force: true });
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
process.stdout.write(`| night | as-of | run time | deciding states | ledger size |\n|---:|---|---:|---:|---:|\n`);
for (let night = 0; night < nights; night++) {
  const dir = night % 2 === 0 ? first : second;
  const asOf = new Date(Date.UTC(2026, 8, 20 + night)).toISOString().slice(0, 10);
  const files = ['registry', 'household', 'poverty', 'attendance'].flatMap((source) => [`--${source}`, join(dir, `${source}.csv`)]);
  const started = performance.now();
  const log = run(['reconcile', ...files, '--as-of', asOf, '--out', join(base, 'out'), '--ledger', ledger, '--log-level', 'info']);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const deciding = ((decidingMs(log) ?? Number.NaN) / 1000).toFixed(2);
  const size = [ledger, `${ledger}-wal`].reduce((sum, path) => sum + (existsSync(path) ? statSync(path).size : 0), 0);
  process.stdout.write(`| ${night + 1} | ${asOf} | ${seconds} s | ${deciding} s | ${mb(size)} MB |\n`);
}
