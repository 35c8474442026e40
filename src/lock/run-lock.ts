import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { readFile, rename, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { RollcallError } from '../domain/index.js';
import { onInterrupt } from './cleanup.js';

/** A lock held by this process; release() removes it (once). */
export interface RunLock {
  release(): Promise<void>;
}

/** What a lock file holds: who holds it, since when, on which machine. */
interface LockOwner {
  readonly pid: number;
  /** ISO 8601 */
  readonly started: string;
  readonly host: string;
}

const MAX_ATTEMPTS = 5;

/** Lock files this process holds now (a pid equal to ours is then no stale lock). */
const held = new Set<string>();

/**
 * One run at a time on one target (an output folder, a ledger: SPEC §8). The lock
 * file is created atomically (O_EXCL) and holds {pid, started, host}. A lock whose
 * process is dead on this host is taken over; a live one is a `busy` error (exit 2)
 * that names the other run. A lock from another host cannot be checked and is obeyed.
 */
export async function acquireLock(lockFile: string, target: string): Promise<RunLock> {
  const owner: LockOwner = { pid: process.pid, started: new Date().toISOString(), host: hostname() };
  const content = `${JSON.stringify(owner)}\n`;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (createLockFile(lockFile, content)) return heldLock(lockFile, content);
    const holder = await readOwner(lockFile);
    if (holder === 'gone') continue; // released between our two steps: try again
    if (holder !== 'unreadable' && (held.has(lockFile) || isAlive(holder))) {
      throw new RollcallError('busy', {
        key: 'io.lock_busy',
        params: { target, pid: String(holder.pid), started: holder.started, host: holder.host, lock: lockFile },
      });
    }
    // A dead holder (or a lock file cut short by a crash while it was written): take it over.
    // Renaming it away first means two runs taking over at once cannot both succeed.
    await rename(lockFile, `${lockFile}.stale-${process.pid}`).then(
      () => unlink(`${lockFile}.stale-${process.pid}`).catch(() => undefined),
      () => undefined,
    );
  }
  throw new RollcallError('busy', { key: 'io.lock_contended', params: { target, lock: lockFile } });
}

/**
 * true when this process created the lock file; false when it already exists. Synchronous,
 * so that the caller registers the lock's removal on a signal in the same turn of the event
 * loop: a signal handled in between would have left the lock file behind.
 */
function createLockFile(lockFile: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockFile, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

async function readOwner(lockFile: string): Promise<LockOwner | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'gone';
    // Left by a run of another user (root, by hand): whose it is cannot be read, so it cannot be taken over.
    if (code === 'EACCES' || code === 'EPERM')
      throw new RollcallError('busy', { key: 'io.lock_unreadable', params: { lock: lockFile, code } }, { cause: error });
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0) {
      return { pid: parsed.pid, started: String(parsed.started ?? '?'), host: String(parsed.host ?? '?') };
    }
  } catch {
    // cut short by a crash while it was written
  }
  return 'unreadable';
}

/** A holder on this host is alive while its pid exists; another host's holder is assumed alive. */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return false; // an earlier process with our pid left it (held locks are checked first)
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function heldLock(lockFile: string, content: string): RunLock {
  let released = false;
  held.add(lockFile);
  // Remove the file only while it is still ours (a takeover after a long stall could have replaced it).
  const removeSync = () => {
    held.delete(lockFile);
    if (readFileSync(lockFile, 'utf8') === content) unlinkSync(lockFile);
  };
  const unregister = onInterrupt(() => removeSync());
  return {
    async release() {
      if (released) return;
      released = true;
      try {
        if ((await readFile(lockFile, 'utf8')) === content) await unlink(lockFile);
      } catch {
        // already gone
      } finally {
        // Only now: a signal while the file was being removed removes it at once.
        unregister();
        held.delete(lockFile);
      }
    },
  };
}
