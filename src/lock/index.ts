import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { RollcallError } from '../domain/index.js';

// SPEC §8: one run at a time. A lock file beside what it guards holds the holder's
// {pid, started, host}; it is created with 'wx' (fails if it exists), so two runs
// can never both hold it. A lock whose process is gone is taken over.

export interface RunLock {
  release(): Promise<void>;
}

interface Holder {
  readonly pid: number;
  readonly started: string;
  readonly host: string;
}

/** Takes the lock on `target` (its lock file is `lockFile`), or throws RollcallError('busy') naming the holder. */
export async function acquireLock(lockFile: string, target: string): Promise<RunLock> {
  const me: Holder = { pid: process.pid, started: new Date().toISOString(), host: hostname() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(lockFile, `${JSON.stringify(me)}\n`, { flag: 'wx', mode: 0o600 });
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await rm(lockFile, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(lockFile);
    if (holder && isAlive(holder)) {
      throw new RollcallError('busy', {
        key: 'lock.busy',
        params: { target, pid: String(holder.pid), started: holder.started, host: holder.host },
      });
    }
    // Dead holder (or a lock file cut short by a crash while it was written): take it over.
    await rm(lockFile, { force: true });
  }
  throw new RollcallError('busy', { key: 'lock.contended', params: { target } });
}

async function readHolder(lockFile: string): Promise<Holder | null> {
  try {
    const parsed = JSON.parse(await readFile(lockFile, 'utf8')) as Partial<Holder>;
    if (typeof parsed.pid !== 'number') return null;
    return { pid: parsed.pid, started: String(parsed.started ?? ''), host: String(parsed.host ?? '') };
  } catch {
    return null;
  }
}

/** A holder on another host cannot be checked: it is taken as alive (a shared folder must not lose its lock). */
function isAlive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
