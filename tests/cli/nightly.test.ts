import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { join, tempDir } from '../helpers/files.js';

// bin/rollcall-nightly run the way cron runs it: an empty environment, PATH=/usr/bin:/bin,
// a one-line crontab entry with the config file and a log folder (issue #8).

const SCRIPT = resolve('bin/rollcall-nightly');
let county: string;

beforeAll(() => {
  county = tempDir('rollcall-nightly-');
  const made = spawnSync(
    process.execPath,
    ['bin/rollcall.js', 'generate', '--people', '2000', '--seed', '5', '--as-of', '2026-09-20', '--out', join(county, 'in')],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(made.stderr);
}, 120_000);

/** A home folder whose ~/.nvm holds this node, as nvm installs it (cron's PATH does not reach it). */
function homeWithNvm(): string {
  const home = tempDir('rollcall-home-');
  const bin = join(home, '.nvm', 'versions', 'node', `v${process.versions.node}`, 'bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(process.execPath, join(bin, 'node'));
  mkdirSync(join(home, '.nvm', 'versions', 'node', 'v18.0.0', 'bin'), { recursive: true }); // older: not chosen
  return home;
}

function cron(home: string, args: string[], env: string[] = []) {
  return spawnSync('env', ['-i', 'PATH=/usr/bin:/bin', `HOME=${home}`, ...env, 'bash', SCRIPT, ...args], { encoding: 'utf8', cwd: home });
}

describe('bin/rollcall-nightly under cron', () => {
  it('runs reconcile from a config that names the inputs and the report folder; creates the log folder; appends summary and logs', () => {
    const home = homeWithNvm();
    const config = join(county, 'rollcall.json');
    writeFileSync(
      config,
      JSON.stringify({
        out: 'report',
        sources: {
          registry: { file: 'in/registry.csv' },
          household: { file: 'in/household.csv' },
          poverty: { file: 'in/poverty.csv' },
          attendance: { file: 'in/attendance.csv' },
        },
      }),
    );
    const logs = join(home, 'logs', 'rollcall');
    const result = cron(home, [config, logs]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(join(county, 'report', 'cases.jsonl'))).toBe(true);
    const summary = readFileSync(join(logs, 'summary.log'), 'utf8');
    expect(summary).toMatch(/^== \d{4}-\d\d-\d\d \d\d:\d\d:\d\d rollcall reconcile --config /);
    expect(summary).toContain('合计');
    expect(summary).toContain('== exit 0');
    const lines = readFileSync(join(logs, 'rollcall.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).msg)).toContain('done');
  }, 120_000);

  it("a run that stops: exit 2, and the reason reaches cron's mail (stderr) and summary.log", () => {
    const home = homeWithNvm();
    const config = join(county, 'broken.json');
    writeFileSync(
      config,
      JSON.stringify({ out: 'report-broken', sources: { registry: { file: 'in/registry.csv' }, household: { file: 'in/missing.csv' } } }),
    );
    const logs = join(home, 'logs');
    const result = cron(home, [config, logs]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`rollcall 已停止：${join(county, 'in', 'missing.csv')}：找不到文件`);
    expect(readFileSync(join(logs, 'summary.log'), 'utf8')).toContain('找不到文件');
    expect(readFileSync(join(logs, 'rollcall.jsonl'), 'utf8')).toContain('"code":"file_missing"');
  }, 60_000);

  it("its own messages in 中文, or in English with --lang en: a log folder cron's user cannot make", () => {
    const home = tempDir('rollcall-home-');
    const config = join(county, 'rollcall.json');
    const zh = cron(home, [config, '/proc/rollcall-logs']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('rollcall-nightly：无法创建日志文件夹 /proc/rollcall-logs');
    const en = cron(home, [config, '/proc/rollcall-logs', '--lang', 'en']);
    expect(en.stderr).toContain('rollcall-nightly: cannot create the log folder /proc/rollcall-logs');
    expect(cron(home, []).stderr).toContain('用法：rollcall-nightly 配置文件.json');
  });

  it('$ROLLCALL_NODE wins; a node older than 20 is passed over', () => {
    const home = tempDir('rollcall-home-');
    const config = join(county, 'rollcall.json');
    const wrapper = join(home, 'node-wrapper');
    writeFileSync(wrapper, `#!/bin/bash\necho used >> "${join(home, 'wrapper-used')}"\nexec "${process.execPath}" "$@"\n`, { mode: 0o755 });
    const chosen = cron(home, [config, join(home, 'logs')], [`ROLLCALL_NODE=${wrapper}`]);
    expect(chosen.status).toBe(0);
    expect(existsSync(join(home, 'wrapper-used'))).toBe(true);
    const old = join(home, 'node-18');
    writeFileSync(old, '#!/bin/bash\nexit 1\n', { mode: 0o755 }); // answers the version check as Node 18 would
    const passedOver = cron(home, [config, join(home, 'logs')], [`ROLLCALL_NODE=${old}`]);
    expect(passedOver.status).toBe(0);
  }, 120_000);
});
