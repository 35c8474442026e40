import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { RollcallError } from '../../src/domain/index.js';
import { acquireLock, runInterruptCleanups } from '../../src/lock/index.js';
import { join, tempDir } from '../helpers/files.js';

/** The pid of a process that has exited (and so is dead on this host). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('acquireLock: one run at a time (issue #8, SPEC §8)', () => {
  it('creates the lock file with pid, start time and host, and removes it on release', async () => {
    const file = join(tempDir(), '.report.lock');
    const lock = await acquireLock(file, '/srv/report');
    const owner = JSON.parse(readFileSync(file, 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    expect(new Date(owner.started).toISOString()).toBe(owner.started);
    await lock.release();
    await lock.release(); // twice is harmless
    expect(existsSync(file)).toBe(false);
  });

  it('a second run while the first holds the lock: busy (exit 2), naming the target, pid and start time', async () => {
    const file = join(tempDir(), '.report.lock');
    writeFileSync(file, JSON.stringify({ pid: process.ppid, started: '2026-09-20T02:30:00.000Z', host: hostname() }));
    const error = await acquireLock(file, '/srv/report').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RollcallError);
    const busy = error as RollcallError;
    expect(busy.code).toBe('busy');
    expect(busy.exitCode).toBe(2);
    expect(busy.render('en')).toBe(
      `/srv/report is in use by another rollcall run (pid ${process.ppid}, started 2026-09-20T02:30:00.000Z, host ${hostname()}) — wait for it to finish; if no rollcall is running, delete the lock file ${file}`,
    );
    expect(busy.render('zh')).toContain(`进程号 ${process.ppid}`);
    expect(readFileSync(file, 'utf8')).toContain('2026-09-20T02:30:00.000Z'); // the other run's lock is untouched
  });

  it('takes over a lock left by a dead process, or one cut short while it was written', async () => {
    const dir = tempDir();
    for (const content of [JSON.stringify({ pid: deadPid(), started: '2026-09-19T02:30:00.000Z', host: hostname() }), '{"pid": 12']) {
      const file = join(dir, '.report.lock');
      writeFileSync(file, content);
      const lock = await acquireLock(file, '/srv/report');
      expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
      await lock.release();
    }
  });

  it('obeys a lock held on another host (its process cannot be checked from here)', async () => {
    const file = join(tempDir(), '.report.lock');
    writeFileSync(file, JSON.stringify({ pid: deadPid(), started: '2026-09-20T02:30:00.000Z', host: 'another-host' }));
    await expect(acquireLock(file, '/srv/report')).rejects.toMatchObject({ code: 'busy' });
  });

  it('release never removes a lock that another run has taken over since', async () => {
    const file = join(tempDir(), '.report.lock');
    const lock = await acquireLock(file, '/srv/report');
    const other = JSON.stringify({ pid: process.ppid, started: '2026-09-20T02:30:00.000Z', host: hostname() });
    writeFileSync(file, other);
    await lock.release();
    expect(readFileSync(file, 'utf8')).toBe(other);
  });

  it('an interrupt (SIGTERM, SIGINT) removes the locks this process holds', async () => {
    const file = join(tempDir(), '.report.lock');
    await acquireLock(file, '/srv/report');
    runInterruptCleanups();
    expect(existsSync(file)).toBe(false);
  });
});
