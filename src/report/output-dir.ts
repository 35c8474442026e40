import type { Stats } from 'node:fs';
import { existsSync, mkdtempSync, renameSync } from 'node:fs';
import { chmod, lstat, mkdir, readdir, readlink, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { RollcallError } from '../domain/index.js';
import type { MessageKey } from '../i18n/index.js';
import { acquireLock, onInterrupt, removeNow } from '../lock/index.js';

/** Marks a folder as rollcall's, so that replacing it can never delete anything else. */
const MARKER = '.rollcall-report';

/** The output folder of one run: checked and locked before any input is read (SPEC §6). */
export interface OutputDirectory {
  /** The folder that is replaced: `--out` with symbolic links followed. */
  readonly path: string;
  /** Writes a new report into a temporary folder and puts it in place of the old one, whole. */
  replace(write: (dir: string) => Promise<void>): Promise<void>;
  /** Releases the lock; safe to call more than once. */
  release(): Promise<void>;
}

/**
 * SPEC §7: the output folder is replaced atomically. Everything is written into a
 * sibling temporary folder, then renamed over the old one: a crash or a kill leaves
 * the previous report whole. Between the two renames the previous report sits
 * beside it as `.NAME.old-PID-TIME`; the next run puts it back if it finds it alone.
 * Reports hold children's personal data: the folder is 0700, every file 0600.
 *
 * Opening does everything that can fail before the inputs are read: the parent is
 * created, the lock `.NAME.lock` beside the folder is taken (a second run at once
 * exits 2), leftovers of killed runs are put back or removed, and a folder that is
 * a file or holds someone else's files is refused.
 */
export async function openOutputDirectory(out: string): Promise<OutputDirectory> {
  const target = await followLinks(resolve(out), out);
  const parent = dirname(target);
  const name = basename(target);
  await mkdir(parent, { recursive: true }).catch((error: unknown) => {
    throw outputError(error, parent);
  });
  const lock = await acquireLock(join(parent, `.${name}.lock`), out).catch((error: unknown) => {
    throw outputError(error, parent);
  });
  try {
    await cleanLeftovers(parent, name, target);
    await checkReplaceable(target, out);
  } catch (error) {
    await lock.release();
    throw outputError(error, target);
  }
  return {
    path: target,
    replace: (write) => replaceLocked(parent, name, target, write),
    release: () => lock.release(),
  };
}

/** Opens `out`, replaces it with what `write` writes, and releases it. */
export async function replaceOutputDirectory(out: string, write: (dir: string) => Promise<void>): Promise<void> {
  const output = await openOutputDirectory(out);
  try {
    await output.replace(write);
  } finally {
    await output.release();
  }
}

async function replaceLocked(parent: string, name: string, target: string, write: (dir: string) => Promise<void>): Promise<void> {
  // Created synchronously, so that the cleanup below is registered in the same turn of the
  // event loop: a signal handled between creating the folder and registering it left the folder.
  let temporary: string;
  try {
    temporary = mkdtempSync(join(parent, `.${name}.tmp-`));
  } catch (error) {
    throw outputError(error, parent);
  }
  let old: string | null = null;
  // A signal (SIGTERM, SIGINT) removes the half-written folder before the process exits, and
  // puts the previous report back if it arrives between the two renames below. The folder is
  // first renamed aside: a rename into place still running in libuv's threads then either
  // finished (nothing to remove) or fails, never racing the removal file by file.
  const unregister = onInterrupt(() => {
    try {
      renameSync(temporary, `${temporary}.gone`);
      removeNow(`${temporary}.gone`);
    } finally {
      if (old !== null && !existsSync(target)) renameSync(old, target);
    }
  });
  try {
    await chmod(temporary, 0o700);
    // First: once `write` has committed a ledger's run (its last step), only the renames remain.
    await writeReportFile(temporary, MARKER, 'This folder is written by rollcall and replaced whole on every run.\n');
    await write(temporary);
    if (await exists(target)) {
      old = `${join(parent, `.${name}.old-`)}${process.pid}-${Date.now()}`;
      await rename(target, old);
      await rename(temporary, target);
      const replaced = old;
      old = null;
      // The new report is in place: a previous one that cannot be removed now is removed by the next run.
      await rm(replaced, { recursive: true, force: true }).catch(() => undefined);
    } else {
      await rename(temporary, target);
    }
  } catch (error) {
    await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
    // Failed between the two renames: the previous report goes straight back.
    if (old !== null && !(await exists(target))) await rename(old, target).catch(() => undefined);
    throw outputError(error, temporary);
  } finally {
    unregister();
  }
}

export async function writeReportFile(dir: string, file: string, content: string | Buffer): Promise<void> {
  const path = join(dir, file);
  try {
    await writeFile(path, content, { mode: 0o600 });
  } catch (error) {
    // A failed write (ENOSPC, EFBIG) names no path by itself: the message must.
    const errno = error as NodeJS.ErrnoException;
    if (errno && typeof errno === 'object' && errno.path === undefined) errno.path = path;
    throw error;
  }
}

/**
 * A file-system error while writing the reports is an output problem (exit 2) that
 * names the path and what to do; anything else is passed on unchanged.
 */
function outputError(error: unknown, fallbackPath: string): unknown {
  if (error instanceof RollcallError) return error;
  const errno = error as NodeJS.ErrnoException | null;
  if (typeof errno?.code !== 'string' || !/^E[A-Z]+$/.test(errno.code)) return error;
  const path = typeof errno.path === 'string' ? errno.path : fallbackPath;
  return new RollcallError(
    'output',
    { key: OUTPUT_ERRORS[errno.code] ?? 'io.out_other', params: { path, code: errno.code } },
    { cause: error },
  );
}

const OUTPUT_ERRORS: Readonly<Partial<Record<string, MessageKey>>> = {
  ENOSPC: 'io.out_enospc',
  EDQUOT: 'io.out_edquot',
  EFBIG: 'io.out_efbig',
  EROFS: 'io.out_erofs',
  EACCES: 'io.out_eacces',
  EPERM: 'io.out_eacces',
  ENOTDIR: 'io.out_enotdir',
  EEXIST: 'io.out_enotdir', // mkdir of a parent that is a file
};

/** `--out` that is a symbolic link: the folder it points to is replaced, never the link (a stale target). */
async function followLinks(path: string, out: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    let info: Stats;
    try {
      info = await lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw outputError(error, current);
    }
    if (!info.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw outputError(Object.assign(new Error('too many symbolic links'), { code: 'ELOOP', path: out }), out);
}

async function checkReplaceable(target: string, out: string): Promise<void> {
  if (!(await exists(target))) return;
  const info = await stat(target);
  if (!info.isDirectory()) throw new RollcallError('output', { key: 'io.out_is_file', params: { out } });
  // Found now, not after a night's work (and, with a ledger, its commit): a mount point cannot be renamed.
  if (info.dev !== (await stat(dirname(target))).dev) {
    throw new RollcallError('output', { key: 'io.out_mountpoint', params: { out, inside: join(out, 'rollcall') } });
  }
  const entries = await readdir(target);
  if (entries.length > 0 && !entries.includes(MARKER)) throw new RollcallError('output', { key: 'io.out_not_ours', params: { out } });
}

/**
 * Leftovers of runs that were killed (kill -9, power loss), found while holding the
 * lock, so no live run owns them. When the folder is gone, the newest `.old-` is the
 * previous report: put it back. Every other `.old-` and every `.tmp-` is removed.
 */
async function cleanLeftovers(parent: string, name: string, target: string): Promise<void> {
  const entries = await readdir(parent);
  const olds = entries
    .map((entry) => ({ entry, time: oldFolderTime(entry, name) }))
    .filter((old): old is { entry: string; time: number } => old.time !== null)
    .sort((a, b) => a.time - b.time);
  const newest = olds.at(-1);
  if (newest && !(await exists(target))) {
    await rename(join(parent, newest.entry), target);
    olds.pop();
  }
  const temporaries = entries.filter((entry) => entry.startsWith(`.${name}.tmp-`));
  for (const entry of [...olds.map((old) => old.entry), ...temporaries]) {
    await rm(join(parent, entry), { recursive: true, force: true });
  }
}

/** `.NAME.old-PID-TIME` → TIME (milliseconds, compared as a number: "99999" is older than "100000"). */
function oldFolderTime(entry: string, name: string): number | null {
  const prefix = `.${name}.old-`;
  if (!entry.startsWith(prefix)) return null;
  const numbers = entry.slice(prefix.length).split('-').map(Number);
  const time = numbers.at(-1);
  return time !== undefined && Number.isFinite(time) ? time : null;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
