// npm run bench [-- --sizes 100000,1000000,3000000 --runs 3]
//
// Generates synthetic counties once (cached in .bench-cache/, outside git), then
// measures, interleaved and several times, a bare csv-parse pass over the files
// and `rollcall reconcile` over them, each in its own process. Prints wall time,
// rows per second, peak RSS and the ratio reconcile / bare parse per size, and how
// the cost grows from one size to the next. The workbook case (issue #11) runs the
// --workbook-size county again with its registry as .xlsx (written once from the
// CSV with shared strings, as Excel and WPS save), against the same county with a
// CSV registry, and times reading the registry workbook alone (`inspect`).
// Figures, not pass/fail: tests never depend on the machine's speed.
//
// With a ledger (SPEC §8): each size also gets its next night (`generate --next`),
// and the bench times that second night with a ledger holding the first night (a
// fresh copy each run, so every timed run is a real second night) against the same
// night without a ledger. `--no-ledger` skips it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, createWriteStream, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'bin', 'rollcall.js');
const bareParse = join(root, 'dist', 'bench', 'bare-parse.js');
const AS_OF = '2026-09-20';
const SEED = 1;

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const sizes = option('sizes', '100000,1000000,3000000')
  .split(',')
  .map(Number)
  .filter((size) => size > 0);
const runs = Number(option('runs', '3'));
const workbookSize = Number(option('workbook-size', '1000000'));
const withLedger = !args.includes('--no-ledger');

interface Measure {
  ms: number;
  rssMb: number;
  /** CPU time of every thread (user + system), from the run's log; 0 where not measured. */
  cpuMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function county(people: number): { dir: string; files: string[]; rows: number } {
  // The cache is keyed by the generator's code, so a changed generator regenerates.
  const generator = join(root, 'dist', 'src', 'generate');
  const hash = createHash('sha256');
  for (const file of readdirSync(generator).sort()) if (file.endsWith('.js')) hash.update(readFileSync(join(generator, file)));
  const dir = join(root, '.bench-cache', `county-${people}-seed${SEED}-${hash.digest('hex').slice(0, 10)}`);
  if (!existsSync(join(dir, 'truth.json'))) {
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`generating ${people.toLocaleString('en-US')} people into ${dir} …\n`);
    run(['generate', '--people', String(people), '--seed', String(SEED), '--as-of', AS_OF, '--out', dir, '--log-level', 'warn']);
  }
  const files = ['registry', 'household', 'poverty', 'attendance'].map((source) => join(dir, `${source}.csv`));
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { counts: Record<string, number> };
  const rows = truth.counts.household! + truth.counts.registry! + truth.counts.poverty! + truth.counts.attendance!;
  return { dir, files, rows };
}

/** The county's registry as a workbook, written once beside its CSV: shared strings, one sheet. */
async function registryWorkbook(dir: string): Promise<string> {
  const path = join(dir, 'registry.xlsx');
  if (existsSync(path)) return path;
  process.stderr.write(`writing ${path} …\n`);
  const { default: Excel } = await import('exceljs');
  const partial = `${path}.partial`;
  const workbook = new Excel.stream.xlsx.WorkbookWriter({
    stream: createWriteStream(partial),
    useStyles: false,
    useSharedStrings: true,
  } as never);
  const sheet = workbook.addWorksheet('学生名单');
  const { parse } = await import('csv-parse');
  for await (const record of createReadStream(join(dir, 'registry.csv')).pipe(parse({ bom: true, relax_column_count: true }))) {
    sheet.addRow(record as string[]).commit();
  }
  sheet.commit();
  await workbook.commit();
  renameSync(partial, path);
  return path;
}

function run(cliArgs: string[]): string {
  const result = spawnSync(process.execPath, [cli, ...cliArgs], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`rollcall ${cliArgs[0]} failed (${result.status}): ${result.stderr}`);
  return result.stderr;
}

function measureBare(files: string[]): Measure {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bareParse, ...files], { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`bare parse failed: ${result.stderr}`);
  return { ms, rssMb: JSON.parse(result.stdout).max_rss_mb, cpuMs: 0 };
}

function measureReconcile(dir: string, files: string[], extra: string[] = [], asOf = AS_OF): Measure {
  const [registry, household, poverty, attendance] = files as [string, string, string, string];
  const started = performance.now();
  const stderr = run([
    'reconcile',
    '--registry',
    registry,
    '--household',
    household,
    '--poverty',
    poverty,
    '--attendance',
    attendance,
    '--as-of',
    asOf,
    '--out',
    join(dir, 'out'),
    '--log-level',
    'info',
    ...extra,
  ]);
  const ms = performance.now() - started;
  const done = stderr
    .split('\n')
    .filter((line) => line.includes('"msg":"done"'))
    .map((line) => JSON.parse(line))[0];
  return { ms, rssMb: done.max_rss_mb, cpuMs: done.cpu_ms };
}

/** The night after `dir`'s county (cached beside it), and a ledger that holds the first night. */
function secondNight(dir: string, files: string[]): { files: string[]; ledger: string } {
  const next = `${dir}-night2`;
  if (!existsSync(join(next, 'truth.json'))) {
    rmSync(next, { recursive: true, force: true });
    process.stderr.write(`generating the next night into ${next} …\n`);
    run(['generate', '--next', dir, '--out', next, '--as-of', NEXT_AS_OF, '--log-level', 'warn']);
  }
  const ledger = join(next, 'night1.sqlite');
  rmSync(ledger, { force: true });
  rmSync(`${ledger}.bak`, { recursive: true, force: true });
  measureReconcile(dir, files, ['--ledger', ledger]);
  return { files: files.map((file) => join(next, file.slice(dir.length + 1))), ledger };
}

const NEXT_AS_OF = '2026-09-21';
const ledgerResults: {
  people: number;
  plain: number;
  ledger: number;
  rss: number;
  plainRss: number;
  plainCpu: number;
  ledgerCpu: number;
}[] = [];

const results: { people: number; rows: number; bare: number; reconcile: number; bareRss: number; rss: number }[] = [];
for (const people of sizes) {
  const { dir, files, rows } = county(people);
  const bare: Measure[] = [];
  const reconcile: Measure[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(measureBare(files));
    reconcile.push(measureReconcile(dir, files));
  }
  results.push({
    people,
    rows,
    bare: median(bare.map((m) => m.ms)),
    reconcile: median(reconcile.map((m) => m.ms)),
    bareRss: Math.max(...bare.map((m) => m.rssMb)),
    rss: Math.max(...reconcile.map((m) => m.rssMb)),
  });
  if (withLedger) {
    const night = secondNight(dir, files);
    const plain: Measure[] = [];
    const kept: Measure[] = [];
    for (let i = 0; i < runs; i++) {
      plain.push(measureReconcile(dir, night.files, [], NEXT_AS_OF));
      const copy = join(dir, 'bench-ledger.sqlite');
      rmSync(`${copy}.bak`, { recursive: true, force: true });
      copyFileSync(night.ledger, copy);
      kept.push(measureReconcile(dir, night.files, ['--ledger', copy], NEXT_AS_OF));
    }
    ledgerResults.push({
      people,
      plain: median(plain.map((m) => m.ms)),
      ledger: median(kept.map((m) => m.ms)),
      rss: Math.max(...kept.map((m) => m.rssMb)),
      plainRss: Math.max(...plain.map((m) => m.rssMb)),
      plainCpu: median(plain.map((m) => m.cpuMs)),
      ledgerCpu: median(kept.map((m) => m.cpuMs)),
    });
  }
  process.stderr.write(`measured ${people.toLocaleString('en-US')} people (${runs} runs each)\n`);
}

/** Reading the registry workbook alone: `rollcall inspect` on it, wall time of the process. */
function measureInspect(file: string): Measure {
  const started = performance.now();
  run(['inspect', '--registry', file, '--log-level', 'warn', '--json']);
  return { ms: performance.now() - started, rssMb: 0, cpuMs: 0 };
}

const workbookCase: { csv: Measure[]; xlsx: Measure[]; readCsv: Measure[]; readXlsx: Measure[]; rows: number } | null = await (async () => {
  if (!(workbookSize > 0)) return null;
  const { dir, files } = county(workbookSize);
  const xlsx = await registryWorkbook(dir);
  const registryRows = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')).counts.registry as number;
  const result = { csv: [] as Measure[], xlsx: [] as Measure[], readCsv: [] as Measure[], readXlsx: [] as Measure[], rows: registryRows };
  for (let i = 0; i < runs; i++) {
    result.csv.push(measureReconcile(dir, files));
    result.xlsx.push(measureReconcile(dir, [xlsx, ...files.slice(1)]));
    result.readCsv.push(measureInspect(files[0]!));
    result.readXlsx.push(measureInspect(xlsx));
  }
  process.stderr.write(`measured the workbook case (${runs} runs each)\n`);
  return result;
})();

const n = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 0 });
const s = (ms: number) => (ms / 1000).toFixed(2);
const lines = [
  `rollcall benchmark — ${runs} interleaved runs each, medians; node ${process.version}`,
  '',
  '| people | input rows | bare csv-parse | reconcile | reconcile rows/s | peak RSS reconcile | ratio |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    (r) =>
      `| ${n(r.people)} | ${n(r.rows)} | ${s(r.bare)} s | ${s(r.reconcile)} s | ${n(r.rows / (r.reconcile / 1000))} | ${n(r.rss)} MB | ${(r.reconcile / r.bare).toFixed(2)} |`,
  ),
];
for (let i = 1; i < results.length; i++) {
  const [a, b] = [results[i - 1]!, results[i]!];
  lines.push(
    `\n${n(b.people)} people cost ${(b.reconcile / a.reconcile).toFixed(2)} × the ${n(a.people)} run (${(b.people / a.people).toFixed(1)} × the people).`,
  );
}
if (workbookCase) {
  const med = (measures: Measure[]) => median(measures.map((m) => m.ms));
  const rss = (measures: Measure[]) => Math.max(...measures.map((m) => m.rssMb));
  const [csv, xlsx] = [med(workbookCase.csv), med(workbookCase.xlsx)];
  lines.push(
    '',
    `Workbook registry (${n(workbookSize)} people, ${n(workbookCase.rows)} registry rows; medians of ${runs}):`,
    '',
    '| registry as | reconcile | peak RSS | × CSV registry | inspect --registry alone |',
    '|---|---:|---:|---:|---:|',
    `| .csv | ${s(csv)} s | ${n(rss(workbookCase.csv))} MB | 1.00 | ${s(med(workbookCase.readCsv))} s |`,
    `| .xlsx | ${s(xlsx)} s | ${n(rss(workbookCase.xlsx))} MB | ${(xlsx / csv).toFixed(2)} | ${s(med(workbookCase.readXlsx))} s |`,
  );
}
if (ledgerResults.length > 0) {
  lines.push(
    '',
    'A second night with a ledger (SPEC §8; the ledger holds the first night) against the same night without one:',
    '',
    '| people | without ledger | with ledger | cost of the ledger | CPU without | CPU with | CPU cost | peak RSS without | peak RSS with |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...ledgerResults.map(
      (r) =>
        `| ${n(r.people)} | ${s(r.plain)} s | ${s(r.ledger)} s | ${percent(r.plain, r.ledger)} | ${s(r.plainCpu)} s | ${s(r.ledgerCpu)} s | ${percent(r.plainCpu, r.ledgerCpu)} | ${n(r.plainRss)} MB | ${n(r.rss)} MB |`,
    ),
    '',
    "CPU: user + system time of all of a run's threads (medians), steadier than the wall time when the machine is busy.",
  );
}
process.stdout.write(`${lines.join('\n')}\n`);

function percent(base: number, value: number): string {
  return `${(((value - base) / base) * 100).toFixed(1)} %`;
}
