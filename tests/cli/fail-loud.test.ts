import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir, writeCsv } from '../helpers/files.js';
import { makeId } from '../helpers/ids.js';

// Issue #8 through the CLI: every input or output problem is exit 2 with one line a
// person can read on stderr, whatever --log-level is; nothing is written.

const CHILD = makeId('341324', '20150305', 121);

/** A tiny county: one registration and its child in the household register. */
function county(dir: string): { registry: string; household: string } {
  return {
    registry: writeCsv(join(dir, 'registry.csv'), [
      ['姓名', '身份证号', '学籍状态', '学校名称', '性别', '出生日期'],
      ['张伟', CHILD, '在读', '城关小学', '男', '2015-03-05'],
      ['李娜', CHILD, '在读'], // too few fields: one rejected row
    ]),
    household: writeCsv(join(dir, 'household.csv'), [
      ['姓名', '身份证号', '户籍状态'],
      ['张伟', CHILD, '正常'],
    ]),
  };
}

function reconcileArgs(files: { registry: string; household: string }, out: string, ...extra: string[]): string[] {
  return ['reconcile', '--registry', files.registry, '--household', files.household, '--as-of', '2026-09-20', '--out', out, ...extra];
}

describe('a stopping run always says why (SPEC §6)', () => {
  it('--log-level silent, stderr not a terminal: the reason line is still printed', async () => {
    const dir = tempDir();
    const result = await runRollcall([
      'reconcile',
      '--registry',
      join(dir, 'nope.csv'),
      '--household',
      join(dir, 'nope.csv'),
      '--out',
      join(dir, 'out'),
      '--log-level',
      'silent',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.replaceAll(dir, '<dir>')).toBe('rollcall 已停止：<dir>/nope.csv：找不到文件——请检查路径\n');
  });

  it('stderr not a terminal (cron): the reason line and the JSON log line, in English with --lang en', async () => {
    const dir = tempDir();
    const result = await runRollcall([
      'reconcile',
      '--registry',
      join(dir, 'nope.csv'),
      '--household',
      join(dir, 'nope.csv'),
      '--out',
      join(dir, 'out'),
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(2);
    const [line, json, ...rest] = result.stderr.replaceAll(dir, '<dir>').split('\n');
    expect(line).toBe('rollcall stopped: <dir>/nope.csv: file not found — check the path');
    expect(JSON.parse(json!)).toMatchObject({ level: 50, code: 'file_missing', msg: '<dir>/nope.csv: file not found — check the path' });
    expect(rest).toEqual(['']);
  });

  it('on a terminal: the reason line alone', async () => {
    const dir = tempDir();
    const result = await runRollcall(
      ['reconcile', '--registry', join(dir, 'nope.csv'), '--household', join(dir, 'nope.csv'), '--out', join(dir, 'out')],
      undefined,
      { terminal: true },
    );
    expect(result.stderr).toMatch(/^rollcall 已停止：.*找不到文件——请检查路径\n$/);
  });
});

describe('the output folder is checked before any input is read', () => {
  it('--out under a file: exit 2 about --out, although the inputs are missing too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const result = await runRollcall([
      'reconcile',
      '--registry',
      join(dir, 'nope.csv'),
      '--household',
      join(dir, 'nope.csv'),
      '--out',
      join(dir, 'notes.txt', 'out'),
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a part of the path is a file, not a folder — check the --out path');
    expect(result.stderr).not.toContain('nope.csv');
  });

  it('another run holding the folder: exit 2 at once, naming its pid and start time; nothing written', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFileSync(join(dir, '.out.lock'), JSON.stringify({ pid: process.ppid, started: '2026-09-20T02:30:00.000Z', host: hostname() }));
    const result = await runRollcall(reconcileArgs(county(dir), out, '--lang', 'en'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`is in use by another rollcall run (pid ${process.ppid}, started 2026-09-20T02:30:00.000Z`);
    expect(existsSync(out)).toBe(false);
  });

  it('a lock left by a dead process is taken over', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFileSync(join(dir, '.out.lock'), JSON.stringify({ pid: 2 ** 22 + 1, started: '2026-09-19T02:30:00.000Z', host: hostname() }));
    const result = await runRollcall(reconcileArgs(county(dir), out));
    expect(result.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['household.csv', 'out', 'registry.csv']);
  });
});

describe('inputs named badly', () => {
  it('--encoding constructor and "encoding": "__proto__" are unknown encodings, exit 2', async () => {
    const dir = tempDir();
    const files = county(dir);
    const flag = await runRollcall(reconcileArgs(files, join(dir, 'out'), '--encoding', 'constructor', '--lang', 'en'));
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain(
      '--encoding "constructor": unknown encoding — use one of utf-8, utf8, utf-8-bom, gb18030, gbk, gb2312, cp936',
    );
    writeFileSync(join(dir, 'rollcall.json'), JSON.stringify({ sources: { registry: { encoding: '__proto__' } } }));
    const config = await runRollcall(reconcileArgs(files, join(dir, 'out'), '--config', join(dir, 'rollcall.json')));
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('sources.registry.encoding: expected one of utf-8');
  });

  it('no registry, neither as a flag nor in the config: exit 2 saying where to name it', async () => {
    const dir = tempDir();
    const result = await runRollcall(['reconcile', '--household', county(dir).household, '--out', join(dir, 'out'), '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no registry file given — name it with --registry, or as sources.registry.file in the config file');
  });
});

describe('the config file can hold the input files and the report folder (a short cron line)', () => {
  it('paths relative to the config file; command-line flags still win', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    const files = county(join(dir, 'in'));
    writeFileSync(
      join(dir, 'rollcall.json'),
      JSON.stringify({ out: 'report', sources: { registry: { file: 'in/registry.csv' }, household: { file: files.household } } }),
    );
    const result = await runRollcall(['reconcile', '--config', join(dir, 'rollcall.json'), '--as-of', '2026-09-20']);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'report', 'cases.jsonl'))).toBe(true);
    const flagged = await runRollcall([
      'reconcile',
      '--config',
      join(dir, 'rollcall.json'),
      '--as-of',
      '2026-09-20',
      '--out',
      join(dir, 'elsewhere'),
    ]);
    expect(flagged.code).toBe(0);
    expect(existsSync(join(dir, 'elsewhere', 'cases.jsonl'))).toBe(true);
  });
});

describe('rejected.csv: the reason code stays English, the detail is in the run language', () => {
  it.each([
    ['zh', '该行有 3 个字段，表头有 6 个'],
    ['en', '"the row has 3 fields, the header has 6"'],
  ])('--lang %s', async (lang, detail) => {
    const dir = tempDir();
    const out = join(dir, 'out');
    expect((await runRollcall(reconcileArgs(county(dir), out, '--lang', lang))).code).toBe(0);
    const lines = readFileSync(join(out, 'rejected.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('source,file,row,reason,detail');
    expect(lines[1]).toBe(`registry,${join(dir, 'registry.csv')},3,field_count,${detail}`);
  });
});
