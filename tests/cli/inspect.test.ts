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
      ['李娜', 341324201607122425, '学籍异常', '城关小学', '不详', ''],
    ],
  });
  const household = writeCsv(
    join(dir, 'household.csv'),
    [['姓名', '身份证号', '户籍状态'], ['张伟', ID_A, '正常'], [], ['李娜', '', '正常']],
    {
      encoding: 'gb18030',
    },
  );
  const poverty = writeCsv(
    join(dir, 'poverty.csv'),
    [
      ['成员姓名', '证件号码', '在校生状况'],
      ['张伟', ID_A.toLowerCase(), '非在校生'],
    ],
    { bom: true, eol: '\r\n' },
  );
  return { dir, registry, household, poverty };
}

describe('rollcall inspect', () => {
  it('tells a clerk how each file will be read, in Chinese by default', async () => {
    const { dir, registry, household, poverty } = await fixture();
    const result = await runRollcall(['inspect', '--registry', registry, '--household', household, '--poverty', poverty]);
    expect(result.code).toBe(0);
    expect(result.stdout.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "户籍人口库导出：<dir>/household.csv
        格式        CSV，GB18030（自动识别）
        表头        第 1 行
        字段        id_number ← 身份证号
                    name ← 姓名
                    status ← 户籍状态
        行数        读取 3 · 采用 2 · 未采用 1（空行 1）
        身份证号    有效 1 · 为空 1

      学籍系统导出：<dir>/registry.xlsx
        格式        XLSX，工作表“学生”
        表头        第 1 行
        字段        id_number ← 身份证号
                    name ← 姓名
                    birth_date ← 出生日期
                    school ← 学校名称
                    status ← 学籍状态
        未使用的列  备注
        行数        读取 2 · 采用 2 · 未采用 0
        身份证号    有效 1 · 格式错误 1
                    1 个在表格中被存成了数字，后几位已丢失——导出时请把身份证号列设为文本
        出生日期    1 个无法识别（第 3 行）
        状态        不在任何状态列表中：学籍异常 1
                    ——这些行既不算在读也不算在户；请把这些文字加到配置文件的 "statuses" 中

      建档立卡/防返贫监测对象：<dir>/poverty.csv
        格式        CSV，UTF-8（自动识别）
        表头        第 1 行
        字段        id_number ← 证件号码
                    name ← 成员姓名
                    school_status ← 在校生状况
        行数        读取 1 · 采用 1 · 未采用 0
        身份证号    有效 1
      "
    `);
  });

  it('tells it in English with --lang en', async () => {
    const { dir, registry, household, poverty } = await fixture();
    const result = await runRollcall([
      'inspect',
      '--registry',
      registry,
      '--household',
      household,
      '--poverty',
      poverty,
      '--log-level',
      'silent',
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "household register export: <dir>/household.csv
        format       CSV, GB18030 (detected)
        header       row 1
        fields       id_number ← 身份证号
                     name ← 姓名
                     status ← 户籍状态
        rows         read 3 · accepted 2 · rejected 1 (blank row 1)
        ID numbers   valid 1 · empty 1

      student registry export: <dir>/registry.xlsx
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
        statuses     not in any status list: 学籍异常 1
                     — such rows count as neither active nor living; add the texts to "statuses" in the config file

      poverty-assistance roll: <dir>/poverty.csv
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
      unknown_statuses: { 学籍异常: 1 },
    });
    expect(report.sources.household).toMatchObject({
      format: 'csv',
      encoding: 'gb18030',
      rows_read: 3,
      rows_accepted: 2,
      rows_rejected: 1,
    });
  });

  it('exits 2 with an actionable message for a bad input, and logs no personal data', async () => {
    const dir = tempDir();
    const household = writeCsv(join(dir, 'household.csv'), [
      ['姓名', '号码', '户籍状态'],
      ['张伟', ID_A, '正常'],
    ]);
    // Under cron (stderr not a terminal) the message is one more JSON log line.
    const result = await runRollcall(['inspect', '--household', household]);
    expect(result.code).toBe(2);
    expect(result.logs).toEqual([expect.objectContaining({ level: 50, code: 'schema' })]);
    // The human line is in the run's language; the JSON line (for programs) in English.
    const message = result.stderr.slice(0, result.stderr.indexOf('{"level"'));
    expect(message).toContain('必需字段 "id_number"');
    expect(String(result.logs[0]!.msg)).toContain('required field "id_number"');
    expect(message).toContain('sources.household.columns.id_number');
    expect(result.stderr).not.toContain(ID_A);
    expect(result.stderr).not.toContain('张伟');
    // On a terminal, the same message in plain text.
    const terminal = await runRollcall(['inspect', '--household', household], undefined, { terminal: true });
    expect(terminal.code).toBe(2);
    expect(terminal.stderr.startsWith(`rollcall 已停止：${household}：户籍人口库导出文件（表头在第 1 行）缺少一个必需字段`)).toBe(true);
    const english = await runRollcall(['inspect', '--household', household, '--lang', 'en'], undefined, { terminal: true });
    expect(english.stderr.startsWith(`rollcall stopped: ${household}: a required field is missing from the household file`)).toBe(true);
  });

  it('exits 2 on an unknown option and when no file is named', async () => {
    expect((await runRollcall(['inspect', '--bogus'])).code).toBe(2);
    const none = await runRollcall(['inspect']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('没有给出输入文件');
    expect((await runRollcall(['inspect', '--lang', 'en'])).stderr).toContain('no input file given');
  });

  it('exits 0 for --help', async () => {
    const result = await runRollcall(['inspect', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--registry <file>');
  });

  it('lists 在校生状况 values in no list, and says plainly that a household without a status column is all living', async () => {
    const dir = tempDir();
    const household = writeCsv(join(dir, 'household.csv'), [
      ['姓名', '身份证号', '乡'],
      ['张伟', ID_A, '城关镇'],
    ]);
    const poverty = writeCsv(join(dir, 'poverty.csv'), [
      ['成员姓名', '证件号码', '在校生状态', '未上学原因'],
      ['张伟', ID_A, '待核实', ''],
      ['李娜', '', '待核实', '因病'],
      ['王芳', '', '小学', ''],
      ['赵强', '', '', '厌学'],
    ]);
    const text = await runRollcall(['inspect', '--household', household, '--poverty', poverty, '--log-level', 'silent']);
    expect(text.code).toBe(0);
    expect(text.stdout.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "户籍人口库导出：<dir>/household.csv
        格式        CSV，UTF-8（自动识别）
        表头        第 1 行
        字段        id_number ← 身份证号
                    name ← 姓名
                    township ← 乡
                    没有状态列：视为文件中所有人都在户（如常住人口视图）
        行数        读取 1 · 采用 1 · 未采用 0
        身份证号    有效 1

      建档立卡/防返贫监测对象：<dir>/poverty.csv
        格式        CSV，UTF-8（自动识别）
        表头        第 1 行
        字段        id_number ← 证件号码
                    name ← 成员姓名
                    school_status ← 在校生状态
                    not_in_school_reason ← 未上学原因
        行数        读取 4 · 采用 4 · 未采用 0
        身份证号    有效 1 · 为空 3
        在校生状况  在校生状况不在任何列表中：待核实 2
                    ——这些成员不算非在校；如需更正，请把这些值加入配置文件 "statuses" 的 povertyOutOfSchool 或 povertyInSchool
        未上学原因  2 名成员仅因“未上学原因”一栏有内容而计为非在校
      "
    `);
    const asJson = await runRollcall(['inspect', '--household', household, '--poverty', poverty, '--json', '--log-level', 'silent']);
    const json = JSON.parse(asJson.stdout);
    expect(json.sources.household).toMatchObject({ everyone_living: true, fields: { township: '乡' } });
    expect(json.sources.poverty).toMatchObject({
      everyone_living: false,
      unknown_school_statuses: { 待核实: 2 },
      out_of_school_by_reason: 2,
    });
  });
});
