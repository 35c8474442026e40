import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { LedgerStore } from '../../src/ledger/index.js';
import { join, tempDir } from '../helpers/files.js';

// A ledger the cron user cannot write (a clerk ran it once by hand as root, or set it
// read-only) is a clear exit 2 that says so, never an unexpected error with a stack,
// nor "damaged: restore a backup" (copying a backup over a healthy ledger loses a run).
// Root may write anything: as root the run is made as `nobody` (setpriv).

const bin = fileURLToPath(new URL('../../bin/rollcall.js', import.meta.url));
const root = process.getuid?.() === 0;
const setpriv = spawnSync('setpriv', ['--version']).status === 0;

function asAnotherUser(args: string[]) {
  const command = root ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
  return spawnSync(command[0]!, [...command.slice(1), bin, ...args], { encoding: 'utf8' });
}

describe('a ledger the user may not write', () => {
  it.skipIf(root && !setpriv)('stops with exit 2 saying the ledger cannot be written, leaves its mode, and says it is not damaged', () => {
    const dir = tempDir();
    const ledger = join(dir, 'county.sqlite');
    LedgerStore.open(ledger).close();
    chmodSync(dir, 0o755);
    // Readable, not writable, by the user who runs it (as root: another owner's file, 0644).
    chmodSync(ledger, root ? 0o644 : 0o400);
    const result = asAnotherUser(['ledger', 'verify', ledger]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain(t('ledger.no_permission', 'zh', { file: ledger, code: 'EACCES' }));
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack
    expect(statSync(ledger).mode & 0o777).toBe(root ? 0o644 : 0o400);
  });

  it.skipIf(root && !setpriv)('the same when only its backups folder is not writable (a run made once by hand as root)', () => {
    const dir = tempDir();
    const ledger = join(dir, 'county.sqlite');
    LedgerStore.open(ledger).close();
    mkdirSync(`${ledger}.bak`, { mode: 0o700 });
    chmodSync(dir, 0o777);
    chmodSync(ledger, 0o666);
    if (!root) chmodSync(`${ledger}.bak`, 0o500);
    const result = asAnotherUser(['ledger', 'verify', ledger]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain(t('ledger.no_permission', 'zh', { file: `${ledger}.bak`, code: 'EACCES' }));
  });

  it.skipIf(!root || !setpriv)(
    'a lock file another user left (a killed run as root) that cannot be read: exit 2 saying so, not a stack',
    () => {
      const dir = tempDir();
      const ledger = join(dir, 'county.sqlite');
      LedgerStore.open(ledger).close();
      chmodSync(dir, 0o777);
      chmodSync(ledger, 0o666);
      writeFileSync(`${ledger}.lock`, '{"pid":999999,"started":"2026-09-20T02:30:00Z","host":"x"}\n', { mode: 0o600 });
      const result = asAnotherUser(['ledger', 'verify', ledger]);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toContain(t('io.lock_unreadable', 'zh', { lock: `${ledger}.lock`, code: 'EACCES' }));
    },
  );
});
