import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { gradeStage, gradeText, LEGAL_PROVISIONS, NOTICE_PLACEHOLDERS, selectNoticeCases } from '../../src/report/notices/index.js';
import { runRollcall } from '../helpers/cli.js';
import { County } from '../helpers/county.js';
import { join, tempDir, writeText } from '../helpers/files.js';

/** A notice document as the tests read it: its XML, and the text of each page (a page starts at a title). */
function readNotices(file: string): { xml: string; text: string; pages: string[] } {
  const xml = new PizZip(readFileSync(file)).file('word/document.xml')!.asText();
  const textOf = (part: string) =>
    [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1]!)
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const pages = xml.split('<w:pageBreakBefore/>').slice(1).map(textOf);
  return { xml, text: textOf(xml), pages };
}

/** A county with one household of each kind of case a notice is written for. */
function county(): County {
  const c = new County('2026-09-20');
  // 城关镇, household H001: parents and a school-age child with no registration (入学通知书).
  c.household(c.person('王建国', '1985-04-02'), { 与户主关系: '户主' });
  c.household(c.person('李秀英', '1987-06-11', { gender: '女' }), { 与户主关系: '妻' });
  c.household(c.person('王小明', '2017-03-05'), { 与户主关系: '长子' });
  // H002: grandparents and a grandchild whose registration says 辍学 (劝返复学通知书), parents shown.
  c.household(c.person('赵老汉', '1955-01-01'), { 户号: 'H002', 与户主关系: '户主' });
  c.household(c.person('赵大', '1982-01-01'), { 户号: 'H002', 与户主关系: '子' });
  c.household(c.person('孙媳', '1984-01-01', { gender: '女' }), { 户号: 'H002', 与户主关系: '儿媳' });
  const grandchild = c.person('赵小红', '2012-05-05', { gender: '女' });
  c.household(grandchild, { 户号: 'H002', 与户主关系: '孙女' });
  c.registry(grandchild, { 学籍状态: '辍学', 年级: '21', 学校名称: '城关中学' });
  // A poverty member in no household and no registry: no guardian can be named.
  c.poverty(c.person('钱无户', '2016-02-02'), { 在校生状况: '非在校生' });
  // H003: a hostile name, as a head and as a child.
  c.household(c.person('=HYPERLINK("http://x","y")', '1980-01-01'), { 户号: 'H003', 与户主关系: '户主' });
  c.household(c.person(`王<&>"'`, '2016-08-08'), { 户号: 'H003', 与户主关系: '女' });
  // Another township with one primary school: an enrolment notice names it.
  c.registry(c.person('周同学', '2016-01-01', { township: '西岗镇' }), { 学校名称: '西岗小学', 年级: '四年级' });
  c.household(c.person('周家长', '1986-01-01', { township: '西岗镇' }), { 户号: 'X1', 与户主关系: '户主' });
  c.household(c.person('周小弟', '2018-02-02', { township: '西岗镇' }), { 户号: 'X1', 与户主关系: '子' });
  return c;
}

describe('SPEC §11 legal provisions', () => {
  it('are quoted byte for byte as SPEC §11 gives them', () => {
    const spec = readFileSync('docs/SPEC.md', 'utf8');
    const after = spec.slice(spec.indexOf('Legal provisions (public law; quote exactly):'));
    const quoted = after
      .split('\n')
      .filter((line) => line.startsWith('- '))
      .map((line) => line.slice(2));
    expect(quoted).toHaveLength(3);
    expect(LEGAL_PROVISIONS).toEqual(quoted);
  });
});

describe('the built-in template', () => {
  it('is what scripts/make-notice-template.mjs makes, byte for byte', () => {
    const out = join(tempDir(), 'notice.docx');
    execFileSync(process.execPath, ['scripts/make-notice-template.mjs', out]);
    expect(readFileSync(out).equals(readFileSync('templates/notice.docx'))).toBe(true);
  });

  it('is A4 portrait in the government fonts', () => {
    const zip = new PizZip(readFileSync('templates/notice.docx'));
    expect(zip.file('word/document.xml')!.asText()).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    const styles = zip.file('word/styles.xml')!.asText();
    for (const font of ['仿宋', '方正小标宋简体', '黑体']) expect(styles).toContain(`w:eastAsia="${font}"`);
    expect(zip.file('word/fontTable.xml')!.asText()).toContain('<w:altName w:val="FangSong"/>');
  });
});

describe('reconcile --notices (SPEC §11)', async () => {
  const run = await county().reconcile(['--notices']);
  const notices = (township: string) => readNotices(join(run.out, 'notices', `${township}.docx`));

  it('writes one document per township, 0600, one page per open enrolled_absent or unregistered_school_age case', () => {
    const expected = run.cases.filter((c) => c.category === 'enrolled_absent' || c.category === 'unregistered_school_age');
    const byTownship: Record<string, typeof expected> = {};
    for (const c of expected) (byTownship[c.township] ??= []).push(c);
    expect(Object.keys(byTownship).sort()).toEqual(['城关镇', '西岗镇']);
    for (const [township, cases] of Object.entries(byTownship)) {
      const file = join(run.out, 'notices', `${township}.docx`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const { pages, xml } = notices(township);
      expect(pages).toHaveLength(cases!.length);
      expect(xml.split('<w:pageBreakBefore/>')).toHaveLength(cases!.length + 1);
      expect(pages.map((page) => /编号：(\S{15})/.exec(page)?.[1]).sort()).toEqual(cases!.map((c) => c.case_id).sort());
    }
  });

  it('leaves no placeholder unfilled and quotes the three provisions on every page', () => {
    for (const { text, pages } of [notices('城关镇'), notices('西岗镇')]) {
      expect(text).not.toMatch(/[{}]/);
      for (const page of pages) for (const provision of LEGAL_PROVISIONS) expect(page).toContain(provision);
    }
  });

  it('addresses the guardians the household register names, with the deadline and the issuer', () => {
    const pages = notices('城关镇').pages;
    const enrol = pages.find((page) => page.includes('王小明'))!;
    expect(enrol).toContain('义务教育入学通知书');
    expect(enrol).toContain('王建国、李秀英：');
    expect(enrol).toContain('户籍登记在城关镇前进村，');
    expect(enrol).toContain('于2026年9月27日前送王小明到');
    expect(enrol).toContain('城关镇人民政府（盖章）');
    expect(enrol).toContain('2026年9月20日');
    expect(enrol).toContain('回　执');
    const back = pages.find((page) => page.includes('赵小红'))!;
    expect(back).toContain('义务教育劝返复学通知书');
    // A grandchild: the head's son and daughter-in-law, not the grandparents.
    expect(back).toContain('赵大、孙媳：');
    expect(back).toContain('系城关中学七年级学生，学生学籍系统登记其已辍学（失学）');
    expect(back).toContain('前送赵小红返回城关中学复学');
    expect(back).not.toMatch(/registry_dropout|enrolled_absent/);
  });

  it('says where the name would be that no guardian was found, and the case list flags it', () => {
    const page = notices('城关镇').pages.find((p) => p.includes('钱无户'))!;
    expect(page).toContain('＿＿＿＿＿＿＿＿（户籍登记中未找到该儿童的监护人，请核实后填写）：');
    // Only on the poverty roll: the notice says so, and claims no 户籍.
    expect(page).toContain('列入城关镇防返贫监测对象家庭成员名单，');
    expect(page).not.toContain('户籍登记在');
    const c = run.cases.find((x) => x.person.name === '钱无户')!;
    expect(c.guardians).toEqual({ status: 'no_household', names: [], household_no: '', village: '' });
    const csv = readFileSync(join(run.out, 'unregistered_school_age.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toContain('监护人,户号');
    expect(csv.split('\r\n').find((line) => line.includes('钱无户'))).toContain('未找到监护人（户籍中无此儿童或无户号）');
    expect(csv.split('\r\n').find((line) => line.includes('王小明'))).toContain('王建国、李秀英,"\tH001"');
  });

  it('the workbook sheet flags it too', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(run.out, 'report.xlsx'));
    const sheet = workbook.getWorksheet('适龄未入学')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const column = header.indexOf('监护人');
    expect(header[column + 1]).toBe('户号');
    const cells: string[] = [];
    sheet.eachRow((row) => cells.push(String(row.getCell(column).value)));
    expect(cells).toContain('未找到监护人（户籍中无此儿童或无户号）');
    expect(cells).toContain('王建国、李秀英');
  });

  it('renders a hostile name as text, never as markup or a formula', () => {
    const { xml, pages } = notices('城关镇');
    const page = pages.find((p) => p.includes(`王<&>"'`))!;
    expect(page).toContain(`=HYPERLINK("http://x","y")：`);
    expect(xml).toContain('王&lt;&amp;&gt;');
    expect(xml).not.toContain(`王<&>`);
  });

  it('names the school to enrol at where the township has exactly one for the age, else leaves a line', () => {
    expect(notices('西岗镇').pages[0]).toContain('于2026年9月27日前送周小弟到西岗小学办理入学手续');
    expect(notices('城关镇').pages.find((p) => p.includes('王小明'))).toContain('送王小明到＿＿＿＿＿＿＿＿＿＿办理入学手续');
  });

  it('with a ledger, only open cases get a notice, in priority order (the hook the ledger uses)', () => {
    const all = selectNoticeCases(run.cases);
    const open = selectNoticeCases(run.cases, (c) => c.person.name !== '王小明');
    expect(
      all.map((i) => run.cases[i]!.category).every((category) => category === 'enrolled_absent' || category === 'unregistered_school_age'),
    ).toBe(true);
    expect(open).toEqual(all.filter((i) => run.cases[i]!.person.name !== '王小明'));
    expect(open.length).toBe(all.length - 1);
  });

  it('puts the pages in priority order: focus groups first', () => {
    // 钱无户 is on the poverty roll: the first page of 城关镇.
    const pages = notices('城关镇').pages;
    expect(pages[0]).toContain('钱无户');
    const order = selectNoticeCases(run.cases)
      .map((i) => run.cases[i]!)
      .filter((c) => c.township === '城关镇')
      .map((c) => c.case_id);
    expect(pages.map((page) => /编号：(\S{15})/.exec(page)?.[1])).toEqual(order);
  });

  it('writes nothing for the other categories', () => {
    const other = run.cases.filter((c) => c.category !== 'enrolled_absent' && c.category !== 'unregistered_school_age');
    expect(other.length).toBeGreaterThan(0);
    const text = notices('城关镇').text + notices('西岗镇').text;
    for (const c of other) expect(text).not.toContain(c.case_id);
  });
});

/** A county template: a .docx whose body is the given paragraphs. */
function countyTemplate(dir: string, paragraphs: string[]): string {
  const zip = new PizZip(readFileSync('templates/notice.docx'));
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return writeText(join(dir, 'county-notice.docx'), zip.generate({ type: 'nodebuffer' }));
}

describe('a county template (notice.template)', () => {
  it('is filled with its own layout of the placeholders, the configured issuer and days, IDs unmasked', async () => {
    const dir = tempDir();
    countyTemplate(dir, [
      '{township}共{count}份',
      '{#notices}',
      '第{case_id}号 {child_name}（{id_number}）家长{#guardian_list}[{name}]{/guardian_list}',
      '{#guardians_found}已找到{/guardians_found}{^guardians_found}未找到{/guardians_found} 限{deadline}前 {issuer} {law_58}',
      '{/notices}',
    ]);
    const config = writeText(
      join(dir, 'rollcall.json'),
      JSON.stringify({ notice: { template: 'county-notice.docx', issuer: '{township}人民政府教育办公室', daysToComply: 10 } }),
    );
    const run = await county().reconcile(['--notices', '--config', config, '--mask-ids', '--lang', 'en']);
    const { text } = readNotices(join(run.out, 'notices', '西岗镇.docx'));
    const child = run.cases.find((c) => c.person.name === '周小弟')!;
    expect(text).toBe(
      `西岗镇共1份第${child.case_id}号 周小弟（${child.person.id_number}）家长[周家长]已找到 限2026年9月30日前 西岗镇人民政府教育办公室 ${LEGAL_PROVISIONS[2]}`,
    );
    // --mask-ids masks the case lists, not the notices (they go to the family).
    const csv = readFileSync(join(run.out, 'unregistered_school_age.csv'), 'utf8');
    expect(csv).not.toContain(child.person.id_number);
    // --lang en: the case lists in English; the notices stay in 中文 (they quote Chinese law).
    expect(csv.split('\r\n')[0]).toContain('guardians,household_no');
    expect(csv).toContain('no guardian found (child not in the household register, or no household number)');
  });

  it.each([
    ['a missing file', null, /notice template .*nowhere\.docx does not exist/],
    ['an unknown placeholder', ['{#notices}{child_nmae}{/notices}'], /unknown placeholders: \{child_nmae\}/],
    ['no {#notices} loop', ['{child_name}'], /has no \{#notices\}…\{\/notices\} loop/],
    ['a loop left open', ['{#notices}{child_name}'], /placeholders are not well formed/],
  ])('%s is a config error (exit 2), and nothing is written', async (_what, paragraphs, message) => {
    const dir = tempDir();
    const template = paragraphs ? countyTemplate(dir, paragraphs) : join(dir, 'nowhere.docx');
    const config = writeText(join(dir, 'rollcall.json'), JSON.stringify({ notice: { template } }));
    await expect(county().reconcile(['--notices', '--config', config, '--lang', 'en'])).rejects.toThrow(message);
    await expect(county().reconcile(['--notices', '--config', config])).rejects.toThrow(/exited 2/);
  });

  it('stops before anything is read or written', async () => {
    const dir = tempDir();
    const config = writeText(join(dir, 'rollcall.json'), JSON.stringify({ notice: { template: 'nowhere.docx' } }));
    const out = join(dir, 'out');
    const demo = (source: string, ext = 'csv') => [`--${source}`, `fixtures/demo/${source}.${ext}`];
    const result = await runRollcall([
      'reconcile',
      ...demo('registry', 'xlsx'),
      ...demo('household'),
      '--notices',
      '--config',
      config,
      '--out',
      out,
      '--log-level',
      'info',
    ]);
    expect(result.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(result.logs.some((log) => log.stage === 'load')).toBe(false);
  });

  it('a text file is no template', async () => {
    const dir = tempDir();
    const template = writeText(join(dir, 'notice.docx'), '这不是 Word 文档');
    const config = writeText(join(dir, 'rollcall.json'), JSON.stringify({ notice: { template } }));
    await expect(county().reconcile(['--notices', '--config', config, '--lang', 'en'])).rejects.toThrow(/is not a usable Word document/);
  });

  it('is not read on a run without --notices', async () => {
    const dir = tempDir();
    const config = writeText(join(dir, 'rollcall.json'), JSON.stringify({ notice: { template: 'nowhere.docx' } }));
    const run = await county().reconcile(['--config', config]);
    expect(existsSync(join(run.out, 'notices'))).toBe(false);
  });
});

describe('notice config keys', () => {
  it.each([
    [{ notice: { issuer: '' } }, /notice\.issuer/],
    [{ notice: { daysToComply: 0 } }, /notice\.daysToComply/],
    [{ notice: { daysToComply: 2.5 } }, /notice\.daysToComply/],
    [{ notice: { templte: 'x.docx' } }, /notice\.templte: unknown key \(did you mean \\"template\\"\?\)/],
  ])('%o is exit 2 with the path of the key', async (json, message) => {
    const config = writeText(join(tempDir(), 'rollcall.json'), JSON.stringify(json));
    await expect(county().reconcile(['--config', config, '--lang', 'en'])).rejects.toThrow(message);
  });
});

describe('grades on a notice', () => {
  it.each([
    ['四年级', '四年级', 'primary'],
    ['4', '四年级', 'primary'],
    ['14', '四年级', 'primary'],
    ['21', '七年级', 'junior'],
    ['初二', '初二', 'junior'],
    ['九年级', '九年级', 'junior'],
    ['高一', '高一', null],
    ['', '', null],
  ])('%s → %s (%s)', (grade, text, stage) => {
    expect(gradeText(grade)).toBe(text);
    expect(gradeStage(grade)).toBe(stage);
  });

  it('every placeholder is documented in docs/REFERENCE.md', () => {
    const reference = readFileSync('docs/REFERENCE.md', 'utf8');
    const section = reference.slice(reference.indexOf('## 通知书模板'));
    for (const name of Object.keys(NOTICE_PLACEHOLDERS)) expect(section).toContain(`{${name}}`);
  });
});
