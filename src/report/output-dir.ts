import { constants } from 'node:fs';
import { access, chmod, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { RollcallError } from '../domain/index.js';

/** Marks a folder as rollcall's, so that replacing it can never delete anything else. */
const MARKER = '.rollcall-report';

/**
 * SPEC §7: the output folder is replaced atomically. Everything is written into a
 * sibling temporary folder, then renamed over the old one: a crash or a kill leaves
 * the previous report whole. Between the two renames the previous report sits
 * beside it as `.NAME.old-…`; the next run puts it back if it finds it alone.
 * Reports hold children's personal data: the folder is 0700, every file 0600.
 */
export async function replaceOutputDirectory(out: string, write: (dir: string) => Promise<void>): Promise<void> {
  const target = resolve(out);
  const parent = dirname(target);
  const name = basename(target);
  await mkdir(parent, { recursive: true });
  await restoreInterruptedReplace(parent, name, target);
  await checkReplaceable(target, out);

  const temporary = await mkdtemp(join(parent, `.${name}.tmp-`));
  try {
    await chmod(temporary, 0o700);
    await write(temporary);
    await writeReportFile(temporary, MARKER, 'This folder is written by rollcall and replaced whole on every run.\n');
    if (await exists(target)) {
      const old = `${join(parent, `.${name}.old-`)}${process.pid}-${Date.now()}`;
      await rename(target, old);
      await rename(temporary, target);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(temporary, target);
    }
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

export function writeReportFile(dir: string, file: string, content: string | Buffer): Promise<void> {
  return writeFile(join(dir, file), content, { mode: 0o600 });
}

async function checkReplaceable(target: string, out: string): Promise<void> {
  if (!(await exists(target))) return;
  const info = await stat(target);
  if (!info.isDirectory()) throw new RollcallError('usage', `--out ${out}: is a file — name a folder for the reports`);
  const entries = await readdir(target);
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw new RollcallError('usage', `--out ${out}: the folder has other files in it and was not written by rollcall — name a new or empty folder (rollcall replaces it whole on every run)`);
  }
}

/** A run killed between its two renames left the previous report beside the target: put it back. */
async function restoreInterruptedReplace(parent: string, name: string, target: string): Promise<void> {
  if (await exists(target)) return;
  const leftovers = (await readdir(parent)).filter((entry) => entry.startsWith(`.${name}.old-`)).sort();
  const latest = leftovers.at(-1);
  if (latest) await rename(join(parent, latest), target);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}
