import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runRollcall } from '../helpers/cli.js';
import { County } from '../helpers/county.js';
import { join, tempDir, writeCsv } from '../helpers/files.js';
import { makeId } from '../helpers/ids.js';

describe('unregistered_school_age 适龄未入学 (SPEC §5)', () => {
  it('a living, school-age household person with no registration', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    const row = county.household(child);
    const result = await county.reconcile();
    expect(result.cases).toHaveLength(1);
    expect(result.cases[0]).toMatchObject({
      category: 'unregistered_school_age',
      reasons: ['no_registry_record'],
      township: '城关镇',
      person: { name: '张伟', id_number: child.id, gender: 'male', birth_date: '2015-03-05' },
      records: [{ source: 'household', row, id_number: child.id, name: '张伟' }],
      suggested_id: null,
      candidates: [],
      match: null,
    });
  });

  it('adds a linked poverty member to the case', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    const hh = county.household(child);
    const pov = county.poverty(child);
    const [found] = (await county.reconcile()).cases;
    expect(found).toMatchObject({ category: 'unregistered_school_age', flags: ['poverty'] });
    expect(found!.records.map((r) => [r.source, r.row])).toEqual([
      ['household', hh],
      ['poverty', pov],
    ]);
  });

  it('a school-age poverty member linked to nobody', async () => {
    const county = new County();
    const row = county.poverty(county.person('张伟', '2015-03-05'));
    const result = await county.reconcile();
    expect(result.cases.map((c) => [c.category, c.records])).toEqual([
      ['unregistered_school_age', [expect.objectContaining({ source: 'poverty', row })]],
    ]);
  });

  describe('school age on the reference day (as of 2026-09-20 → 2026-08-31)', () => {
    it.each([
      ['2020-08-31', true], // six on the reference day
      ['2020-09-01', false], // the day after: five
      ['2010-09-01', true], // still fifteen
      ['2010-08-31', false], // sixteen on the reference day
    ])('born %s: a case %s', async (birth, expected) => {
      const county = new County();
      county.household(county.person('张伟', birth));
      expect((await county.reconcile()).of('unregistered_school_age')).toHaveLength(expected ? 1 : 0);
    });

    it('follows the school age of the config', async () => {
      const county = new County();
      county.household(county.person('张伟', '2020-09-01'));
      const dir = (await import('../helpers/files.js')).tempDir();
      const config = (await import('../helpers/files.js')).writeText(
        `${dir}/rollcall.json`,
        JSON.stringify({ schoolAge: { min: 5, max: 15 } }),
      );
      expect((await county.reconcile(['--config', config])).of('unregistered_school_age')).toHaveLength(1);
    });
  });

  describe('never a case', () => {
    it.each(['迁出', '2', '死亡', '1', '注销', '出国（境）定居'])('household status %s (gone or deceased)', async (status) => {
      const county = new County();
      county.household(county.person('张伟', '2015-03-05'), { 户籍状态: status });
      expect((await county.reconcile()).cases).toEqual([]);
    });

    it.each([
      ['休学', '四年级'],
      ['保留学籍', '八年级'],
      ['毕业', '九年级'],
      ['结业', '八年级'],
      ['毕业', '初三'],
    ])('a child whose only registration says %s on %s (approved absence or completed)', async (status, grade) => {
      const county = new County();
      const child = county.person('张伟', '2011-03-05');
      county.household(child);
      county.poverty(child);
      county.registry(child, { 学籍状态: status, 年级: grade });
      expect((await county.reconcile()).cases).toEqual([]);
    });

    it.each(['2021-01-01', '2008-01-01', '1980-05-05'])('a person born %s, outside school age', async (birth) => {
      const county = new County();
      county.household(county.person('张伟', birth));
      county.poverty(county.person('李娜', birth, { gender: '女' }));
      expect((await county.reconcile()).cases).toEqual([]);
    });
  });

  describe('no_active_registration: every registration says the child left (SPEC §5)', () => {
    // [statuses of the child's registrations (status/grade), a case]
    it.each([
      [['毕业/六年级'], true], // 小升初: a primary graduate with no junior-middle registration
      [['转出/五年级'], true],
      [['转学/五年级'], true],
      [['其他离校/七年级'], true],
      [['肄业/九年级'], true],
      [['死亡/三年级'], true],
      [['毕业/六年级', '转出/七年级'], true],
      [['毕业/六年级', '在读/七年级'], false], // went on to junior middle
      [['转出/五年级', '在读/五年级'], false], // a new registration at another school
      [['转出/五年级', '转入/五年级'], false],
      [['转出/五年级', '辍学/五年级'], false], // that is registry_dropout
      [['转出/五年级', '休学/五年级'], false],
      [['转出/八年级', '毕业/九年级'], false], // completed compulsory education
      [['转出/五年级', '/五年级'], false], // an empty status keeps the child out
      [['转出/五年级', '离开/五年级'], false], // so does a status in no list
      [['毕业/五年级'], true], // a completion counts only on grades 7–9
      [['毕业/'], false], // a grade nobody can read is not taken as primary
    ])('registrations %j → a case %s', async (registrations, expected) => {
      const county = new County();
      const child = county.person('张伟', '2013-03-05');
      const hh = county.household(child);
      const rows = registrations.map((text, i) => {
        const [status, grade] = text.split('/');
        return county.registry(child, { 学籍状态: status!, 年级: grade!, 全国学籍号: `G${i}${child.id}`, 学校名称: `第${i + 1}小学` });
      });
      const result = await county.reconcile();
      const found = result.of('unregistered_school_age');
      if (!expected) {
        expect(found).toEqual([]);
        return;
      }
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ reasons: ['no_active_registration'], person: { id_number: child.id }, match: null });
      expect(found[0]!.records.map((r) => [r.source, r.row])).toEqual([['household', hh], ...rows.map((row) => ['registry', row])]);
    });

    it('adds the linked poverty member and its flags', async () => {
      const county = new County();
      const child = county.person('张伟', '2013-03-05');
      const hh = county.household(child);
      const pov = county.poverty(child);
      const reg = county.registry(child, { 学籍状态: '转出', 年级: '七年级' });
      const [found] = (await county.reconcile()).of('unregistered_school_age');
      expect(found).toMatchObject({ reasons: ['no_active_registration'], flags: ['poverty', 'junior_middle'] });
      expect(found!.records.map((r) => [r.source, r.row])).toEqual([
        ['household', hh],
        ['poverty', pov],
        ['registry', reg],
      ]);
    });

    it('a poverty member with no household person whose registrations all say left', async () => {
      const county = new County();
      county.household(county.person('李娜', '1980-01-01', { gender: '女' }));
      const child = county.person('张伟', '2014-03-05', { prefix: '320102' });
      const pov = county.poverty(child);
      const reg = county.registry(child, { 学籍状态: '其他离校' });
      const [found, ...rest] = (await county.reconcile()).of('unregistered_school_age');
      expect(rest).toEqual([]);
      expect(found).toMatchObject({ reasons: ['no_active_registration'], person: { id_number: child.id } });
      expect(found!.records.map((r) => [r.source, r.row])).toEqual([
        ['poverty', pov],
        ['registry', reg],
      ]);
    });

    it.each(['休学', '毕业', '在读', '学籍异常'])(
      'a poverty member not in the household register, %s on 九年级: no case',
      async (status) => {
        const county = new County();
        county.household(county.person('李娜', '1980-01-01', { gender: '女' }));
        const child = county.person('张伟', '2011-03-05', { prefix: '320102' });
        county.poverty(child);
        county.registry(child, { 学籍状态: status, 年级: '九年级' });
        expect((await county.reconcile()).of('unregistered_school_age')).toEqual([]);
      },
    );

    it.each([
      ['迁出', false],
      ['死亡', false],
      ['正常', true],
    ])('household status %s → a case %s', async (status, expected) => {
      const county = new County();
      const child = county.person('张伟', '2013-03-05');
      county.household(child, { 户籍状态: status });
      county.registry(child, { 学籍状态: '转出' });
      expect((await county.reconcile()).of('unregistered_school_age')).toHaveLength(expected ? 1 : 0);
    });

    it.each([
      ['2010-08-31', false], // sixteen on the reference day
      ['2010-09-01', true],
      ['2020-08-31', true],
      ['2020-09-01', false],
    ])('born %s: a case %s (school age)', async (birth, expected) => {
      const county = new County();
      const child = county.person('张伟', birth);
      county.household(child);
      county.registry(child, { 学籍状态: '转出' });
      expect((await county.reconcile()).of('unregistered_school_age')).toHaveLength(expected ? 1 : 0);
    });
  });

  it('a household register without a status column (常住人口): everyone is living; a registry by school code only', async () => {
    const dir = tempDir();
    const [a, b, c] = [makeId('341324', '20150305', 121), makeId('341324', '20130305', 123), makeId('341324', '20140305', 125)];
    const household = writeCsv(join(dir, 'household.csv'), [
      ['姓名', '公民身份号码', '乡镇'],
      ['张伟', a, '城关镇'],
      ['王强', b, '城关镇'],
      ['赵军', c, '城关镇'],
    ]);
    const registry = writeCsv(join(dir, 'registry.csv'), [
      ['学生姓名', '身份证件号', '在校状态', '学校标识码', '年级'],
      ['王强', b, '转出', '2134000001', '五年级'],
      ['赵军', c, '在读', '2134000001', '六年级'],
    ]);
    const out = join(dir, 'out');
    const inputs = ['--household', household, '--registry', registry];
    const result = await runRollcall(['reconcile', ...inputs, '--as-of', '2026-09-20', '--out', out, '--log-level', 'warn']);
    expect(result.code).toBe(0);
    const cases = readFileSync(join(out, 'cases.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const found = cases.map((c) => [c.category, c.reasons, c.person.id_number]).sort((x, y) => x[1][0].localeCompare(y[1][0]));
    expect(found).toEqual([
      ['unregistered_school_age', ['no_active_registration'], b],
      ['unregistered_school_age', ['no_registry_record'], a],
    ]);
  });
});
