import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { RollcallError } from '../../src/domain/index.js';
import { acquireLock } from '../../src/lock/index.js';
import { join, tempDir } from '../helpers/files.js';

describe('acquireLock (SPEC §8: one run at a time)', () => {
  it('writes {pid, started, host} (0600), refuses a second holder with busy (exit 2) and frees on release', async () => {
    const file = join(tempDir(), 'x.lock');
    const lock = await acquireLock(file, 'ledger.sqlite');
    const holder = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; started: string; host: string };
    expect(holder).toMatchObject({ pid: process.pid, host: hostname() });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = await acquireLock(file, 'ledger.sqlite').catch((error: unknown) => error);
    expect(second).toBeInstanceOf(RollcallError);
    expect((second as RollcallError).code).toBe('busy');
    expect((second as RollcallError).exitCode).toBe(2);
    expect((second as RollcallError).message).toContain(`pid ${process.pid}`);
    await lock.release();
    expect(existsSync(file)).toBe(false);
    await (await acquireLock(file, 'ledger.sqlite')).release();
  });

  it('takes over the lock of a process that is gone, and a lock file cut short', async () => {
    const file = join(tempDir(), 'x.lock');
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(file, JSON.stringify({ pid: Number(gone.stdout.trim()), started: '2026-01-01T00:00:00Z', host: hostname() }));
    const lock = await acquireLock(file, 'ledger.sqlite');
    expect((JSON.parse(readFileSync(file, 'utf8')) as { pid: number }).pid).toBe(process.pid);
    await lock.release();
    writeFileSync(file, '{"pid": 12');
    await (await acquireLock(file, 'ledger.sqlite')).release();
  });
});
