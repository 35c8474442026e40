import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir } from '../helpers/files.js';
import { absent, night } from '../helpers/ledger-nights.js';

// A ledger a disk problem damaged: `ledger verify` (the README's "after a disk problem")
// and a night on it are a clear exit 2 that names it and the backups, never an
// unexpected error with a stack — whether SQLite notices on opening it or deep in a read.

describe('a damaged ledger', () => {
  it('ledger verify and a night on it stop with exit 2 and the way back (the backups)', async () => {
    const ledger = join(tempDir(), 'county.sqlite');
    const cases = Array.from({ length: 400 }, (_, i) => absent(`EA-${String(i).padStart(12, '0')}`, ['not_checked_in']));
    await night(ledger, '2026-09-20', cases);
    expect(statSync(ledger).size).toBeGreaterThan(12 * 4096);
    // A page in the middle of the file overwritten, as a bad sector or a half-copied file leaves it.
    const fd = openSync(ledger, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 8 * 4096);
    closeSync(fd);
    const verify = await runRollcall(['ledger', 'verify', ledger]);
    expect(verify.code).toBe(2);
    expect(verify.stderr).toContain(`无法打开台账 ${ledger}`);
    expect(verify.stderr).toContain(`${ledger}.bak`);
    expect(verify.stderr).not.toContain(t('core.unexpected', 'zh'));
    // A night on it, every page but the first two damaged: SQLite meets them as the run reads the cases.
    const whole = openSync(ledger, 'r+');
    const pages = statSync(ledger).size / 4096;
    for (let page = 2; page < pages; page++) writeSync(whole, Buffer.alloc(4096, 0x5a), 0, 4096, page * 4096);
    closeSync(whole);
    const run = await night(ledger, '2026-09-21', cases).catch((error: unknown) => error);
    expect(run).toMatchObject({ exitCode: 2 });
    expect((run as Error).message).toContain(`cannot open the ledger ${ledger}`);
  });
});
