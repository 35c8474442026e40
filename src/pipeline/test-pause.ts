import { writeSync } from 'node:fs';

/**
 * Test hook for the kill tests (tests/pipeline/ledger-crash.test.ts, SPEC §8 crash
 * safety): with ROLLCALL_TEST_PAUSE_AT=<stage> the run stops at that stage, says
 * so on stderr ("rollcall-test-paused <stage>") and blocks until it is killed.
 * Stages, in order: loaded, states-decided, ledger-backed-up, ledger-transaction
 * (inside the open transaction, while the writer thread still writes), reports-written
 * (every file written, the transaction still open), ledger-committed.
 * Without the variable it costs one comparison.
 */
export function pauseForTest(stage: string): void {
  if (process.env.ROLLCALL_TEST_PAUSE_AT !== stage) return;
  writeSync(2, `rollcall-test-paused ${stage}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
