import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir } from '../helpers/files.js';
import { DEMO_INPUTS } from '../helpers/demo.js';

// SPEC §6: every text a person reads is Chinese by default and English with --lang en.
const COMMANDS = [[], ['reconcile'], ['inspect'], ['generate']];

describe('--help, in Chinese by default and in English with --lang en', () => {
  it.each(COMMANDS)('rollcall %s --help', async (...command) => {
    const zh = await runRollcall([...command, '--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法： rollcall/);
    expect(zh.stdout).toContain('选项：');
    expect(zh.stdout).toContain('显示帮助');
    expect(zh.stdout).not.toMatch(/Usage|Options|display help|default:/);
    const en = await runRollcall([...command, '--help', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^Usage: rollcall/);
    expect(en.stdout).toContain('display help for command');
    expect(en.stdout).not.toMatch(/选项：|显示帮助/);
    // --help never sends a user to a document they do not have.
    for (const text of [zh.stdout, en.stdout]) expect(text).not.toMatch(/SPEC|§|DECISIONS|issue #/);
  });

  it('an option whose default is empty shows no default (ledger record --note)', async () => {
    for (const lang of ['zh', 'en']) {
      const { stdout } = await runRollcall(['ledger', 'record', '--help', '--lang', lang]);
      expect(stdout).toContain('--note <text>');
      expect(stdout).not.toMatch(/default: \)|默认：）/);
    }
  });

  it('describes the options of reconcile in Chinese', async () => {
    // Lines wrapped at 80 columns are joined back.
    const stdout = (await runRollcall(['reconcile', '--help'])).stdout.replace(/\n\s+/g, '');
    expect(stdout).toContain('--registry <file>');
    expect(stdout).toContain('学籍系统导出文件');
    expect(stdout).toContain('（可选：zh, en；默认：zh）');
    expect(stdout).toContain('否则 ./rollcall-out）');
  });

  it('wraps Chinese help at 80 terminal columns, a Chinese character being two', async () => {
    const { stdout } = await runRollcall(['reconcile', '--help']);
    const width = (line: string) => [...line].reduce((w, ch) => w + (ch.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);
    for (const line of stdout.split('\n')) expect(width(line), line).toBeLessThanOrEqual(80);
  });
});

describe("commander's own errors, in the run's language, with the flag that was meant", () => {
  it('suggests --registry for --registy', async () => {
    const zh = await runRollcall(['reconcile', '--registy', 'r.xlsx', '--household', 'h.csv'], undefined, { terminal: true });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe('rollcall 已停止：不认识的选项 --registy——您是不是要用 --registry？运行 rollcall reconcile --help 查看用法\n');
    const en = await runRollcall(['reconcile', '--registy', 'r.xlsx', '--household', 'h.csv', '--lang', 'en'], undefined, {
      terminal: true,
    });
    expect(en.stderr).toBe(
      'rollcall stopped: unknown option --registy — did you mean --registry? — run rollcall reconcile --help for the usage\n',
    );
    // Under cron, the same line, then a JSON log record (in English, for programs).
    const cron = await runRollcall(['reconcile', '--registy', 'r.xlsx', '--household', 'h.csv']);
    expect(cron.stderr.split('\n')[0]).toContain('您是不是要用 --registry？');
    expect(cron.logs).toEqual([expect.objectContaining({ code: 'usage', msg: expect.stringContaining('did you mean --registry?') })]);
  });

  it.each([
    [['inspect', '--registy', 'r.csv'], '不认识的选项 --registy——您是不是要用 --registry？'],
    [['reconcile', ...DEMO_INPUTS, '--as-of'], '选项 --as-of 后面缺少值'],
    [['inspect', '--registry', 'r.csv', '--lang', 'fr'], '选项 --lang 的值 fr 无效，可选：zh, en'],
    [['reconcil'], '没有命令 reconcil，可用的命令：reconcile, inspect, generate'],
    [['inspect', 'registry.csv'], '多余的参数：registry.csv'],
    [['reconcile', '--registry', 'r.csv', '--houshold', 'h.csv'], '不认识的选项 --houshold——您是不是要用 --household？'],
    [['reconcile', '--houshold', 'h.csv'], '不认识的选项 --houshold——您是不是要用 --household？'],
    [['reconcile', '--household', 'h.csv'], '没有给出学籍系统导出文件——请用 --registry 指定'],
  ])('rollcall %s', async (args, message) => {
    const result = await runRollcall(args, undefined, { terminal: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/error:|unknown option|required option/);
  });
});

describe('every command speaks Chinese by default and English with --lang en', () => {
  it('reconcile: the table after a run', async () => {
    const out = join(tempDir(), 'out');
    const zh = await runRollcall(['reconcile', ...DEMO_INPUTS, '--as-of', '2026-09-20', '--out', out]);
    expect(zh.stdout).toContain('案例最多的乡镇');
    expect(zh.stdout).toContain('所学校有在读学籍但不在开学报到名单中');
    const en = await runRollcall(['reconcile', ...DEMO_INPUTS, '--as-of', '2026-09-20', '--out', out, '--lang', 'en']);
    expect(en.stdout).toContain('Townships with the most cases');
    expect(en.stdout).toContain('Enrolled but absent');
    expect(en.stdout).toContain('schools have active registrations but no row in the check-in roster');
    expect(en.stdout).not.toMatch(/[案乡]/u);
  });

  it('reconcile: a stopping error', async () => {
    const zh = await runRollcall(['reconcile', '--registry', 'nowhere.csv', '--household', 'h.csv', '--county', '34132'], undefined, {
      terminal: true,
    });
    expect(zh.stderr).toContain('--county "34132"：应为 6 位数字的身份证号前缀');
    const en = await runRollcall(
      ['reconcile', '--registry', 'nowhere.csv', '--household', 'h.csv', '--county', '34132', '--lang', 'en'],
      undefined,
      { terminal: true },
    );
    expect(en.stderr).toContain('--county "34132": expected 6-digit ID prefixes');
  });

  it('reconcile: --as-of in any date spelling of SPEC §2', async () => {
    const out = join(tempDir(), 'out');
    for (const asOf of ['2026/9/20', '2026年9月20日', '20260920']) {
      const result = await runRollcall(['reconcile', ...DEMO_INPUTS, '--as-of', asOf, '--out', out, '--json']);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).as_of).toBe('2026-09-20');
    }
    const bad = await runRollcall(['reconcile', ...DEMO_INPUTS, '--as-of', '2026/2/30', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of "2026/2/30"：不是有效的日期');
  });

  it('generate: its report line and its usage errors', async () => {
    const dir = tempDir();
    const zh = await runRollcall(['generate', '--people', '1000', '--out', join(dir, 'zh'), '--as-of', '2026/9/20']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toMatch(/^已生成 .*户籍 \d[\d,]* 人/);
    expect(JSON.parse(readFileSync(join(dir, 'zh', 'truth.json'), 'utf8')).generator.as_of).toBe('2026-09-20');
    const en = await runRollcall(['generate', '--people', '1000', '--out', join(dir, 'en'), '--lang', 'en']);
    expect(en.stdout).toMatch(/^generated .* household persons/);
    const bad = await runRollcall(['generate', '--people', '10', '--out', dir], undefined, { terminal: true });
    expect(bad.stderr).toContain('--people 10：应为 1000 到 20000000 之间的整数');
  }, 60_000);
});

describe('JSON log lines', () => {
  it('are off on a terminal unless asked for, and at info under cron', async () => {
    const out = join(tempDir(), 'out');
    const terminal = await runRollcall(['inspect', '--registry', 'fixtures/demo/registry.xlsx'], undefined, { terminal: true });
    expect(terminal.logs).toEqual([]);
    const asked = await runRollcall(['inspect', '--registry', 'fixtures/demo/registry.xlsx', '--log-level', 'info'], undefined, {
      terminal: true,
    });
    expect(asked.stderr).toContain('"msg":"source inspected"');
    const cron = await runRollcall(['reconcile', ...DEMO_INPUTS, '--as-of', '2026-09-20', '--out', out]);
    expect(cron.logs.map((log) => log.level)).toContain(30);
  });
});
