import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, tempDir } from '../helpers/files.js';

// Real faults against the built CLI (npm test builds first): signals, kill -9, a full
// disk, a file-size limit, a file the user may not read. Issue #8, SPEC §6–§7.

const BIN = resolve('bin/rollcall.js');
let county: string;
let inputs: string[];

beforeAll(() => {
  county = tempDir('rollcall-faults-');
  const made = spawnSync(process.execPath, [BIN, 'generate', '--people', '5000', '--seed', '3', '--as-of', '2026-09-20', '--out', county], {
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(made.stderr);
  inputs = [
    '--registry',
    join(county, 'registry.csv'),
    '--household',
    join(county, 'household.csv'),
    '--poverty',
    join(county, 'poverty.csv'),
    '--as-of',
    '2026-09-20',
  ];
}, 120_000);

interface Exit {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function run(args: string[], options: { shell?: string } = {}): Promise<Exit> {
  const child = options.shell
    ? spawn('bash', ['-c', `${options.shell} exec "$0" "$@"`, process.execPath, BIN, ...args])
    : spawn(process.execPath, [BIN, ...args]);
  return exitOf(child);
}

function exitOf(child: ChildProcess): Promise<Exit> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  return new Promise((done) => child.on('close', (status, signal) => done({ status, signal, stderr })));
}

/** The first run: a previous report that every later failure must leave whole. */
async function previousReport(parent: string): Promise<{ out: string; cases: string }> {
  const out = join(parent, 'out');
  const first = await run(['reconcile', ...inputs, '--out', out, '--log-level', 'warn']);
  expect(first.status).toBe(0);
  return { out, cases: readFileSync(join(out, 'cases.jsonl'), 'utf8') };
}

/**
 * Starts a run and sends `signal` once it is writing (its temporary folder exists),
 * frozen meanwhile. On a loaded machine a run can finish before it is seen writing:
 * then it is tried again (up to three times).
 */
async function interruptWhileWriting(parent: string, out: string, signal: NodeJS.Signals): Promise<Exit> {
  for (let attempt = 1; ; attempt++) {
    const child = spawn(process.execPath, [BIN, 'reconcile', ...inputs, '--out', out, '--log-level', 'warn']);
    const exited = exitOf(child);
    let finished = false;
    void exited.then(() => (finished = true));
    while (!finished && !readdirSync(parent).some((entry) => entry.startsWith('.out.tmp-'))) await new Promise((r) => setTimeout(r, 1));
    if (!finished) {
      child.kill('SIGSTOP'); // frozen, so that the signal arrives while it writes
      child.kill(signal);
      child.kill('SIGCONT');
    }
    const exit = await exited;
    if (exit.status !== 0 || attempt === 3) return exit;
  }
}

describe('signals while the report is written', () => {
  it.each([
    ['SIGTERM', 143, '运行被中断（SIGTERM）：临时文件已删除，上一次的报告保持不变'],
    ['SIGINT', 130, '运行被中断（SIGINT）：临时文件已删除，上一次的报告保持不变'],
  ] as const)(
    '%s: exit %i with one line; the temporary folder and the lock are removed, the previous report stays',
    async (signal, code, line) => {
      const parent = tempDir();
      const { out, cases } = await previousReport(parent);
      const stopped = await interruptWhileWriting(parent, out, signal);
      expect(stopped.status).toBe(code);
      expect(stopped.stderr).toContain(`rollcall 已停止：${line}\n`);
      expect(readdirSync(parent)).toEqual(['out']);
      expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toBe(cases);
    },
    60_000,
  );

  it('kill -9 leaves a temporary folder; the next run removes it', async () => {
    const parent = tempDir();
    const { out } = await previousReport(parent);
    const killed = await interruptWhileWriting(parent, out, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    expect(readdirSync(parent).filter((entry) => entry !== 'out').length).toBeGreaterThan(0); // .out.tmp-…, .out.lock
    const next = await run(['reconcile', ...inputs, '--out', out, '--log-level', 'warn']);
    expect(next.status).toBe(0); // the lock of the killed run is taken over
    expect(readdirSync(parent)).toEqual(['out']);
  }, 60_000);

  it('SIGTERM at any moment of a run with a ledger: the previous report and ledger, nothing beside them', async () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    const ledger = join(parent, 'ledger.sqlite');
    const night = (asOf: string) => ['reconcile', ...inputs.slice(0, -1), asOf, '--out', out, '--ledger', ledger, '--log-level', 'warn'];
    expect((await run(night('2026-09-20'))).status).toBe(0);
    const started = Date.now();
    expect((await run(night('2026-09-21'))).status).toBe(0);
    const length = Date.now() - started;
    const beside = ['ledger.sqlite', 'ledger.sqlite-shm', 'ledger.sqlite-wal', 'ledger.sqlite.bak', 'out'];
    let stopped = 0;
    // Ten moments spread over a whole run (start-up, loading, linking, writing, the ledger's commit).
    for (let moment = 0; moment < 10; moment++) {
      const cases = readFileSync(join(out, 'cases.jsonl'), 'utf8');
      const child = spawn(process.execPath, [BIN, ...night('2026-09-21')]);
      const exited = exitOf(child);
      await new Promise((r) => setTimeout(r, (length * moment) / 10));
      child.kill('SIGTERM');
      const exit = await exited;
      const left = readdirSync(parent).sort();
      expect(left.filter((entry) => !beside.includes(entry))).toEqual([]); // no .out.tmp-, no lock
      expect(readdirSync(`${ledger}.bak`).filter((entry) => !/^\d{4}-\d{2}-\d{2}\.sqlite$/.test(entry))).toEqual([]);
      if (exit.status === 0) continue; // finished before the signal came
      stopped++;
      expect(exit.status === 143 || exit.signal === 'SIGTERM').toBe(true); // before start-up installed the handler: killed by it
      expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toBe(cases);
    }
    expect(stopped).toBeGreaterThanOrEqual(3); // most moments fall inside a run; a faster run than the first may end before the last ones
    expect((await run(['ledger', 'verify', ledger])).status).toBe(0);
  }, 120_000);
});

describe('the disk fills up, or a file grows past a limit, while the report is written', () => {
  let mounted: string | null = null;

  afterAll(() => {
    if (mounted) spawnSync('umount', [mounted]);
  });

  it('a full disk (a small tmpfs): exit 2 "no space left on …", no temporary folder left, the previous report whole', async (context) => {
    const disk = tempDir('rollcall-disk-');
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1800k', 'tmpfs', disk]).status !== 0) {
      context.skip(); // mounting needs root (CAP_SYS_ADMIN); the ulimit test below covers the same path
      return;
    }
    mounted = disk;
    const out = join(disk, 'out');
    // A previous report that fits (about 1.3 MB with the dashboard), then one that does not fit beside it.
    const small = tempDir();
    const made = spawnSync(
      process.execPath,
      [BIN, 'generate', '--people', '1000', '--seed', '4', '--as-of', '2026-09-20', '--out', small],
      { encoding: 'utf8' },
    );
    expect(made.status).toBe(0);
    const first = await run([
      'reconcile',
      '--registry',
      join(small, 'registry.csv'),
      '--household',
      join(small, 'household.csv'),
      '--as-of',
      '2026-09-20',
      '--out',
      out,
    ]);
    expect(first.status).toBe(0);
    const cases = readFileSync(join(out, 'cases.jsonl'), 'utf8');
    const full = await run(['reconcile', ...inputs, '--out', out, '--lang', 'en', '--log-level', 'warn']);
    expect(full.status).toBe(2);
    expect(full.stderr).toMatch(
      /(^|\n)rollcall stopped: no space left on the disk of .*\/\.out\.tmp-\w+\/[\w.]+ — free some space and run again; the previous report is unchanged\n/,
    );
    expect(full.stderr).not.toMatch(/\n\s+at /); // no stack
    expect(readdirSync(disk)).toEqual(['out']);
    expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toBe(cases);
  }, 60_000);

  it('a file-size limit (ulimit -f, writes fail with EFBIG): exit 2 naming the file, no temporary folder left', async () => {
    const parent = tempDir();
    const { out, cases } = await previousReport(parent);
    const limited = await run(['reconcile', ...inputs, '--out', out, '--lang', 'en', '--log-level', 'warn'], {
      shell: "ulimit -f 20; trap '' XFSZ;",
    });
    expect(limited.status).toBe(2);
    expect(limited.stderr).toMatch(
      /(^|\n)rollcall stopped: file too large while writing .*\/\.out\.tmp-\w+\/[\w.]+ \(a limit of the file system or of ulimit -f\)/,
    );
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toBe(cases);
  }, 60_000);
});

describe('an input the user may not read', () => {
  it('no read permission: exit 2 with a message (as an unprivileged user: root reads everything)', async (context) => {
    if (spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status !== 0) {
      context.skip(); // needs setpriv and root to switch to the user nobody
      return;
    }
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const secret = join(dir, 'household.csv');
    spawnSync('cp', [join(county, 'household.csv'), secret]);
    chmodSync(secret, 0o600);
    mkdirSync(join(dir, 'reports'), { mode: 0o777 });
    chmodSync(join(dir, 'reports'), 0o777);
    const child = spawn('setpriv', [
      '--reuid=65534',
      '--regid=65534',
      '--clear-groups',
      process.execPath,
      BIN,
      'reconcile',
      '--registry',
      join(county, 'registry.csv'),
      '--household',
      secret,
      '--out',
      join(dir, 'reports', 'out'),
      '--lang',
      'en',
    ]);
    const result = await exitOf(child);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `rollcall stopped: ${secret}: no permission to read it (EACCES) — let the user who runs rollcall read the file`,
    );
    expect(existsSync(join(dir, 'reports', 'out'))).toBe(false);
  }, 60_000);
});

describe('an --out that cannot be written: exit 2 before any input is read', () => {
  it('a parent folder the user may not write (as nobody)', async (context) => {
    if (spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status !== 0) {
      context.skip(); // needs setpriv and root to switch to the user nobody
      return;
    }
    const dir = tempDir();
    chmodSync(dir, 0o755); // owned by root: nobody may not create anything in it
    const child = spawn('setpriv', [
      '--reuid=65534',
      '--regid=65534',
      '--clear-groups',
      process.execPath,
      BIN,
      'reconcile',
      ...inputs,
      '--out',
      join(dir, 'out'),
      '--lang',
      'en',
    ]);
    const result = await exitOf(child);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `rollcall stopped: no permission to write ${join(dir, '.out.lock')} (EACCES) — name a folder with --out that the user who runs rollcall can write`,
    );
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('a read-only file system (a tmpfs mounted read-only)', async (context) => {
    const disk = tempDir('rollcall-ro-');
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', disk]).status !== 0) {
      context.skip(); // mounting needs root (CAP_SYS_ADMIN)
      return;
    }
    try {
      const result = await run(['reconcile', ...inputs, '--out', join(disk, 'out'), '--lang', 'en', '--log-level', 'warn']);
      expect(result.status).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(
        `rollcall stopped: ${join(disk, '.out.lock')} is on a read-only file system — name a writable place with --out`,
      );
    } finally {
      spawnSync('umount', [disk]);
    }
  }, 60_000);
});
