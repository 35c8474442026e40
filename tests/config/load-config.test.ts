import { describe, expect, it } from 'vitest';
import { parseConfigText, resolveSettings } from '../../src/config/index.js';
import { RollcallError } from '../../src/domain/index.js';
import { join, tempDir, writeText } from '../helpers/files.js';

function catchError(text: string): RollcallError {
  try {
    parseConfigText(text, 'rollcall.json');
  } catch (error) {
    return error as RollcallError;
  }
  throw new Error('expected a config error');
}

function problem(text: string): string {
  try {
    parseConfigText(text, 'rollcall.json');
  } catch (error) {
    expect(error).toBeInstanceOf(RollcallError);
    expect((error as RollcallError).exitCode).toBe(2);
    return (error as RollcallError).message;
  }
  throw new Error('expected a config error');
}

describe('the config file (SPEC §6)', () => {
  it('accepts every key of the spec', () => {
    const config = parseConfigText(
      JSON.stringify({
        county: ['341324'],
        schoolAge: { min: 6, max: 15 },
        sources: { registry: { columns: { id_number: '证件号' }, encoding: 'gb18030', sheet: '学生' } },
        statuses: {
          registryActive: ['在读'],
          registryDropout: ['辍学'],
          registryLeft: ['毕业'],
          householdLiving: ['正常'],
          householdDeceased: ['死亡'],
          householdGone: ['迁出'],
          povertyOutOfSchool: ['非在校生'],
          registrySuspended: ['休学'],
          registryCompleted: ['毕业'],
          povertyInSchool: ['在校生'],
        },
      }),
      'rollcall.json',
    );
    expect(config.sources?.registry?.columns?.id_number).toBe('证件号');
  });

  it('names the path of an unknown key, with a hint', () => {
    expect(problem('{"sources": {"registry": {"colums": {}}}}')).toMatchInlineSnapshot(`
      "config file rollcall.json has a problem:
        sources.registry.colums: unknown key (did you mean "columns"?)"
    `);
  });

  it('reports every problem at once', () => {
    expect(
      problem(
        '{"county": "341324", "schoolAge": {"min": 6, "max": "15"}, "statuses": {"registryActiv": ["在读"]}, "sources": {"registry": {"columns": {"id_numbr": "证件号"}}}}',
      ),
    ).toMatchInlineSnapshot(`
      "config file rollcall.json has 4 problems:
        county: expected array, received string
        schoolAge.max: expected number, received string
        sources.registry.columns.id_numbr: unknown key (did you mean "id_number"?)
        statuses.registryActiv: unknown key (did you mean "registryActive"?)"
    `);
  });

  it('rejects a school-age range upside down and an unknown encoding', () => {
    expect(problem('{"schoolAge": {"min": 15, "max": 6}, "sources": {"household": {"encoding": "big5"}}}')).toMatchInlineSnapshot(`
      "config file rollcall.json has 2 problems:
        schoolAge: min must not be greater than max
        sources.household.encoding: expected one of utf-8, utf8, utf-8-bom, gb18030, gbk, gb2312, cp936"
    `);
  });

  it('says where JSON syntax breaks, as line and column', () => {
    expect(problem('{"county": ["341324",]}')).toBe(
      'config file rollcall.json: not valid JSON at line 1, column 22: a value is expected here (often a comma too many) — fix the syntax; the file must be one JSON object',
    );
    expect(catchError('{"county": ["341324" "341302"]}').render('zh')).toBe(
      '配置文件 rollcall.json：第 1 行第 22 列不是有效的 JSON：缺少逗号——请修正语法；整个文件必须是一个 JSON 对象',
    );
    expect(problem('{\n  "schoolAge": {"min": 6,\n  "max": 15\n')).toMatch(/^config file rollcall\.json: the JSON ends early/);
  });

  it.each([
    ['{\n  "county": [“341324”]\n}', 2, 14, '“'],
    ['{"county": ["341324"]，"schoolAge": {"min": 6, "max": 15}}', 1, 22, '，'],
    ['{"county": [＂341324＂]}', 1, 13, '＂'],
  ])('names a full-width quote or comma typed by an input method: %s', (text, line, column, char) => {
    const error = catchError(text);
    expect(error.render('en')).toContain(`line ${line}, column ${column} has the full-width character ${char}`);
    expect(error.render('zh')).toContain(`第 ${line} 行第 ${column} 列有全角字符 ${char}`);
  });

  it('leaves full-width punctuation inside a string alone', () => {
    expect(
      parseConfigText('{"sources": {"registry": {"columns": {"school": "学校（校区，分校）"}}}}', 'rollcall.json').sources?.registry
        ?.columns?.school,
    ).toBe('学校（校区，分校）');
  });

  it('says every problem in Chinese too', () => {
    expect(catchError('{"county": "341324", "statuses": {"registryActiv": ["在读"]}}').render('zh')).toMatchInlineSnapshot(`
      "配置文件 rollcall.json 有 2 处问题：
        county：应为列表 [ ]，实际是文字
        statuses.registryActiv：不认识的键（您是不是要写 "registryActive"？）"
    `);
  });
});

describe('resolveSettings: command line over config over defaults', () => {
  it('lets --county and --encoding win over the config file', async () => {
    const dir = tempDir();
    const config = writeText(
      join(dir, 'rollcall.json'),
      JSON.stringify({ county: ['341324'], sources: { registry: { encoding: 'utf-8' } } }),
    );
    const settings = await resolveSettings({ config, county: '341302', encoding: 'gbk', registry: 'r.csv' });
    expect(settings.county).toEqual(['341302']);
    expect(settings.sources.registry?.encoding).toBe('gb18030');
  });

  it('takes the config county when no flag is given, and infers nothing itself', async () => {
    const dir = tempDir();
    const config = writeText(join(dir, 'rollcall.json'), JSON.stringify({ county: ['341324'] }));
    expect((await resolveSettings({ config })).county).toEqual(['341324']);
    expect((await resolveSettings({})).county).toBeNull();
  });

  it('defaults the as-of date to today and derives the reference day', async () => {
    const settings = await resolveSettings({}, new Date(2026, 10, 29, 9, 0));
    expect(settings.asOf).toBe(20261129);
    expect(settings.referenceDay).toBe(20260831);
  });

  it.each(['2026-09-01', '2026/9/1', '2026.09.01', '20260901', '2026年9月1日'])(
    'accepts --as-of %s (every date spelling of SPEC §2)',
    async (asOf) => {
      expect((await resolveSettings({ asOf })).asOf).toBe(20260901);
    },
  );

  it('replaces a status list and keeps the others', async () => {
    const dir = tempDir();
    const config = writeText(join(dir, 'rollcall.json'), JSON.stringify({ statuses: { registryActive: ['在籍'] } }));
    const settings = await resolveSettings({ config });
    expect(settings.statuses.registryActive).toEqual(['在籍']);
    expect(settings.statuses.registryDropout).toEqual(['辍学', '失学', '在籍离校', '退学', '开除']);
  });

  it('has the default lists of SPEC §2, suspension and completion among them', async () => {
    const { statuses } = await resolveSettings({});
    expect(statuses.registryActive).toEqual(['在读', '在校', '正常', '在籍在校', '在籍', '复学', '转入', '留级', '请假']);
    expect(statuses.registryLeft).toEqual(['转出', '转学', '毕业', '结业', '肄业', '死亡', '休学', '保留学籍', '其他离校']);
    expect(statuses.registrySuspended).toEqual(['休学', '保留学籍']);
    expect(statuses.registryCompleted).toEqual(['毕业', '结业']);
  });

  it('replaces registrySuspended and registryCompleted like any other list', async () => {
    const dir = tempDir();
    const lists = { registrySuspended: ['停学'], registryCompleted: [] };
    const config = writeText(join(dir, 'rollcall.json'), JSON.stringify({ statuses: lists }));
    const { statuses } = await resolveSettings({ config });
    expect(statuses.registrySuspended).toEqual(['停学']);
    expect(statuses.registryCompleted).toEqual([]);
    const hint = 'statuses.registrySuspend: unknown key (did you mean "registrySuspended"?)';
    expect(problem('{"statuses": {"registrySuspend": ["休学"]}}')).toContain(hint);
  });

  it.each([
    [{ asOf: '2026-02-30' }, /--as-of "2026-02-30": not a calendar date/],
    [{ asOf: '9/1/2026' }, /--as-of "9\/1\/2026": not a calendar date/],
    [{ county: '34132' }, /--county "34132": expected 6-digit ID prefixes/],
    [{ encoding: 'big5', registry: 'r.csv' }, /--encoding "big5": unknown encoding/],
    [{ config: '/nonexistent/rollcall.json' }, /config file \/nonexistent\/rollcall\.json: file not found/],
  ])('rejects bad flags: %o', async (inputs, message) => {
    await expect(resolveSettings(inputs)).rejects.toThrow(message);
  });
});
