import { chmod, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { removedIfInterrupted } from '../lock/index.js';
import type { LedgerStore } from './store.js';

/** SPEC §8: the last 7 backups are kept. */
const KEEP = 7;

/**
 * Before a run changes the ledger: SQLite's online backup to FILE.bak/<as-of>.sqlite
 * (0600, the folder 0700: children's personal data). Written under a temporary name
 * and renamed, so a kill never leaves half a backup under a real name; a signal removes it.
 */
export async function backupLedger(store: LedgerStore, asOf: string): Promise<string> {
  const dir = `${store.file}.bak`;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const dest = join(dir, `${asOf}.sqlite`);
  const temporary = `${dest}.tmp-${process.pid}`;
  await removedIfInterrupted(temporary, async () => {
    await rm(temporary, { force: true });
    await store.backupTo(temporary);
    await chmod(temporary, 0o600);
    await rename(temporary, dest);
  });
  const backups = (await readdir(dir)).filter((name) => /^\d{4}-\d{2}-\d{2}\.sqlite$/.test(name)).sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - KEEP))) await rm(join(dir, old), { force: true });
  for (const stale of (await readdir(dir)).filter((name) => name.includes('.tmp-'))) await rm(join(dir, stale), { force: true });
  return dest;
}
