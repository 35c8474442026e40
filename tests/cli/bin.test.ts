import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir } from '../helpers/files.js';
import { readWorkbook } from '../helpers/xlsx.js';
import { DEMO } from '../helpers/demo.js';

describe('bin/rollcall.js, the built launcher (npm test builds first)', () => {
  it('runs the demo and exits 0, with the workbook written on its worker thread', async () => {
    expect(existsSync('dist/src/report/workbook-worker.js')).toBe(true);
    const out = join(tempDir(), 'out');
    const result = spawnSync(process.execPath, ['bin/rollcall.js', 'reconcile', ...DEMO, '--out', out, '--log-level', 'warn'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('合计');
    const workbook = await readWorkbook(join(out, 'report.xlsx'));
    expect(workbook.worksheets.length).toBe(9);
  });

  it('exits 2 on a usage error and 0 on --help', () => {
    expect(spawnSync(process.execPath, ['bin/rollcall.js', 'reconcile', '--bogus'], { encoding: 'utf8' }).status).toBe(2);
    expect(spawnSync(process.execPath, ['bin/rollcall.js', '--help'], { encoding: 'utf8' }).status).toBe(0);
  });
});

describe('progress on a terminal', () => {
  it('shows which file is being read when stderr is a terminal, and nothing otherwise', async () => {
    const out = join(tempDir(), 'out');
    const terminal = await runRollcall(['reconcile', ...DEMO, '--out', out], undefined, { terminal: true });
    expect(terminal.stderr).toMatch(/正在读取户籍人口库导出（fixtures\/demo\/household\.csv）：100%/);
    // On a terminal no JSON log lines unless asked for (issue #12).
    expect(terminal.logs).toEqual([]);
    const english = await runRollcall(['reconcile', ...DEMO, '--out', out, '--lang', 'en'], undefined, { terminal: true });
    expect(english.stderr).toMatch(/reading household register export \(fixtures\/demo\/household\.csv\): 100%/);
    const cron = await runRollcall(['reconcile', ...DEMO, '--out', out, '--log-level', 'silent']);
    expect(cron.stderr).toBe('');
  });
});
