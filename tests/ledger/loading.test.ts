import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { join, tempDir } from '../helpers/files.js';

const DEMO = [
  '--registry',
  'fixtures/demo/registry.xlsx',
  '--household',
  'fixtures/demo/household.csv',
  '--as-of',
  '2026-09-20',
  '--log-level',
  'silent',
];

/** Runs the built CLI in a child and says whether SQLite's binding was loaded. */
function loadsSqlite(args: readonly string[]): boolean {
  const script = `import('./dist/src/cli/index.js').then(async (cli) => {
    const code = await cli.runCli(${JSON.stringify(args)}, { stdout: { write() {} }, stderr: { write() {} } });
    if (code !== 0) throw new Error('exit ' + code);
    console.log(Object.keys(require.cache).some((file) => file.includes('better-sqlite3')) ? 'loaded' : 'not loaded');
  })`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim() === 'loaded';
}

describe('a run without a ledger (SPEC §8: reconcile works exactly as in §1–§7)', () => {
  it('never loads the ledger code; a run with one does', () => {
    const dir = tempDir();
    expect(loadsSqlite(['reconcile', ...DEMO, '--out', join(dir, 'plain')])).toBe(false);
    expect(loadsSqlite(['reconcile', ...DEMO, '--out', join(dir, 'kept'), '--ledger', join(dir, 'ledger.sqlite')])).toBe(true);
  });
});
