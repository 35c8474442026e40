import { copyFileSync, existsSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRollcall } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';

// Issue #8: a registry workbook cut short made `reconcile` and `inspect` exit 0 with no output.
const DEMO = join(import.meta.dirname, '..', '..', 'fixtures', 'demo');

describe('a registry workbook cut short, through the command line', () => {
  it.each([0.1, 0.5, 0.9])('at %s of its length: inspect and reconcile exit 2, say so, and write nothing', async (fraction) => {
    const dir = tempDir();
    const registry = join(dir, 'registry.xlsx');
    copyFileSync(join(DEMO, 'registry.xlsx'), registry);
    truncateSync(registry, Math.floor(statSync(registry).size * fraction));
    const household = join(DEMO, 'household.csv');

    const endsEarly = `${registry}: the workbook ends early (file damaged or still being copied)`;
    const inspect = await runRollcall(['inspect', '--registry', registry, '--household', household], undefined, { terminal: true });
    expect(inspect.code).toBe(2);
    expect(inspect.stderr).toContain(`${registry}：工作簿不完整（文件已损坏或仍在复制中）`);
    const english = await runRollcall(['inspect', '--registry', registry, '--household', household, '--lang', 'en'], undefined, {
      terminal: true,
    });
    expect(english.stderr).toContain(endsEarly);

    const out = join(dir, 'out');
    const args = ['reconcile', '--registry', registry, '--household', household, '--out', out, '--lang', 'en'];
    const reconcile = await runRollcall(args, undefined, { terminal: true });
    expect(reconcile.code).toBe(2);
    expect(reconcile.stderr).toContain(endsEarly);
    expect(existsSync(out)).toBe(false);
  });
});
