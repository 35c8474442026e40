import { describe, expect, it } from 'vitest';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir, writeCsv, writeXlsx } from '../helpers/files.js';
import { makeId } from '../helpers/ids.js';

const ID_A = makeId('341324', '20150305', 121);

async function fixture() {
  const dir = tempDir();
  const registry = await writeXlsx(join(dir, 'registry.xlsx'), {
    学生: [
      ['姓名', '身份证号', '学籍状态', '学校名称', '出生日期', '备注'],
      ['张伟', ID_A, '在读', '城关小学', new Date(Date.UTC(2015, 2, 5)), ''],
      ['李娜', 341324201607122425, '在籍', '城关小学', '不详', ''],
    ],
  });
  const household = writeCsv(join(dir, 'household.csv'), [['姓名', '身份证号', '户籍状态'], ['张伟', ID_A, '正常'], [], ['李娜', '', '正常']], {
    encoding: 'gb18030',
  });
  const poverty = writeCsv(join(dir, 'poverty.csv'), [['成员姓名', '证件号码', '在校生状况'], ['张伟', ID_A.toLowerCase(), '非在校生']], { bom: true, eol: '\r\n' });
  return { dir, registry, household, poverty };
}

describe('rollcall inspect', () => {
  it('tells a clerk how each file will be read', async () => {
    const { dir, registry, household, poverty } = await fixture();
    const result = await runRollcall(['inspect', '--registry', registry, '--household', household, '--poverty', poverty, '--log-level', 'silent']);
    expect(result.code).toBe(0);
    expect(result.stdout.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "household: <dir>/household.csv
        format       CSV, GB18030 (detected)
        header       row 1
        fields       id_number ← 身份证号
                     name ← 姓名
                     status ← 户籍状态
        rows         read 3 · accepted 2 · rejected 1 (blank_row 1)
        ID numbers   valid 1 · empty 1

      registry: <dir>/registry.xlsx
        format       XLSX, sheet "学生"
        header       row 1
        fields       id_number ← 身份证号
                     name ← 姓名
                     birth_date ← 出生日期
                     school ← 学校名称
                     status ← 学籍状态
        not used     备注
        rows         read 2 · accepted 2 · rejected 0
        ID numbers   valid 1 · malformed 1
                     1 lost their digits in a numeric spreadsheet cell — export the ID column as text
        birth dates  1 could not be read (rows 3)
        statuses     not in any status list: 在籍 1
                     — such rows count as neither active nor living; add the texts to "statuses" in the config file

      poverty: <dir>/poverty.csv
        format       CSV, UTF-8 (detected)
        header       row 1
        fields       id_number ← 证件号码
                     name ← 成员姓名
                     school_status ← 在校生状况
        rows         read 1 · accepted 1 · rejected 0
        ID numbers   valid 1
      "
    `);
  });

  it('prints one JSON object with --json', async () => {
    const { registry, household } = await fixture();
    const result = await runRollcall(['inspect', '--registry', registry, '--household', household, '--json', '--log-level', 'silent']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report.sources)).toEqual(['household', 'registry']);
    expect(report.sources.registry).toMatchObject({
      format: 'xlsx',
      sheet: '学生',
      rows_read: 2,
      rows_accepted: 2,
      rows_rejected: 0,
      id_states: { valid: 1, malformed: 1 },
      id_digits_lost: 1,
      unreadable_dates: { count: 1, rows: [3] },
      unknown_statuses: { 在籍: 1 },
    });
    expect(report.sources.household).toMatchObject({ format: 'csv', encoding: 'gb18030', rows_read: 3, rows_accepted: 2, rows_rejected: 1 });
  });

  it('exits 2 with an actionable message for a bad input, and logs no personal data', async () => {
    const dir = tempDir();
    const household = writeCsv(join(dir, 'household.csv'), [['姓名', '号码', '户籍状态'], ['张伟', ID_A, '正常']]);
    // Under cron (stderr not a terminal) the message is one more JSON log line.
    const result = await runRollcall(['inspect', '--household', household]);
    expect(result.code).toBe(2);
    expect(result.logs).toEqual([expect.objectContaining({ level: 50, code: 'schema' })]);
    const message = String(result.logs[0]!.msg);
    expect(message).toContain('required field "id_number"');
    expect(message).toContain('sources.household.columns.id_number');
    expect(result.stderr).not.toContain(ID_A);
    expect(result.stderr).not.toContain('张伟');
    // On a terminal, the same message in plain text.
    const terminal = await runRollcall(['inspect', '--household', household], undefined, { terminal: true });
    expect(terminal.code).toBe(2);
    expect(terminal.stderr.startsWith(`rollcall 已停止：${household}: a required field is missing`)).toBe(true);
  });

  it('exits 2 on an unknown option and when no file is named', async () => {
    expect((await runRollcall(['inspect', '--bogus'])).code).toBe(2);
    const none = await runRollcall(['inspect']);
    expect(none.code).toBe(2);
    expect(none.logs[0]?.msg).toContain('no input file given');
  });

  it('exits 0 for --help', async () => {
    const result = await runRollcall(['inspect', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--registry <file>');
  });
});
