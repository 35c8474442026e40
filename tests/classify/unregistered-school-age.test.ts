import { describe, expect, it } from 'vitest';
import { County } from '../helpers/county.js';

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
    expect(result.cases.map((c) => [c.category, c.records])).toEqual([['unregistered_school_age', [expect.objectContaining({ source: 'poverty', row })]]]);
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
      const config = (await import('../helpers/files.js')).writeText(`${dir}/rollcall.json`, JSON.stringify({ schoolAge: { min: 5, max: 15 } }));
      expect((await county.reconcile(['--config', config])).of('unregistered_school_age')).toHaveLength(1);
    });
  });

  describe('never a case', () => {
    it.each(['迁出', '2', '死亡', '1', '注销', '出国（境）定居'])('household status %s (gone or deceased)', async (status) => {
      const county = new County();
      county.household(county.person('张伟', '2015-03-05'), { 户籍状态: status });
      expect((await county.reconcile()).cases).toEqual([]);
    });

    it.each(['毕业', '转出', '转学', '休学', '结业', '死亡'])('a child whose only registration says %s', async (status) => {
      const county = new County();
      const child = county.person('张伟', '2012-03-05');
      county.household(child);
      county.registry(child, { 学籍状态: status });
      expect((await county.reconcile()).cases).toEqual([]);
    });

    it.each(['2021-01-01', '2008-01-01', '1980-05-05'])('a person born %s, outside school age', async (birth) => {
      const county = new County();
      county.household(county.person('张伟', birth));
      county.poverty(county.person('李娜', birth, { gender: '女' }));
      expect((await county.reconcile()).cases).toEqual([]);
    });
  });
});
