import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { acquireLock, runInterruptCleanups } from '../../src/lock/index.js';
import { join, tempDir } from '../helpers/files.js';

// What a signal undoes (lock/cleanup.ts) at a moment a review found it failed: a
// signal while a lock is being released (the report's temporary folder with another
// thread still writing into it: tests/report/output-dir-interrupt.test.ts).

describe('interrupt cleanups', () => {
  it('a signal while a lock is being released removes the lock file at once', async () => {
    const file = join(tempDir(), 'x.lock');
    const lock = await acquireLock(file, 'ledger.sqlite');
    const releasing = lock.release(); // reads the file, then removes it: a signal can come in between
    runInterruptCleanups(); // what the CLI's signal handler does before it exits
    expect(existsSync(file)).toBe(false);
    await releasing;
  });
});
