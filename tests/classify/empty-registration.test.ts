import { describe, expect, it } from 'vitest';
import { County } from '../helpers/county.js';

describe('empty_registration 空挂学籍 (SPEC §5)', () => {
  it('id_not_in_household: a valid county ID nobody in the household register has', async () => {
    const county = new County();
    county.household(county.person('李娜', '2015-01-01', { gender: '女' }), { 户籍状态: '迁出' });
    const row = county.registry(county.person('张伟', '2015-03-05'));
    const result = await county.reconcile();
    expect(result.about('registry', row).map((c) => [c.category, c.reasons, c.match])).toEqual([
      ['empty_registration', ['id_not_in_household'], null],
    ]);
  });

  it('never for a migrant child: a valid ID issued by another county', async () => {
    const county = new County();
    county.household(county.person('李娜', '2015-01-01', { gender: '女' }), { 户籍状态: '迁出' });
    county.registry(county.person('张伟', '2015-03-05', { prefix: '320102' }));
    expect((await county.reconcile()).cases).toEqual([]);
  });

  it('flags a migrant child in the cases it does raise', async () => {
    const county = new County();
    county.household(county.person('李娜', '2015-01-01', { gender: '女' }), { 户籍状态: '迁出' });
    const child = county.person('张伟', '2015-03-05', { prefix: '320102' });
    county.registry(child);
    county.poverty(child, { 在校生状况: '非在校生' });
    const [found] = (await county.reconcile()).of('enrolled_absent');
    expect(found?.flags).toEqual(['poverty', 'migrant']);
  });

  it('uses --county instead of the inferred prefix', async () => {
    const county = new County();
    county.household(county.person('李娜', '2015-01-01', { gender: '女' }), { 户籍状态: '迁出' });
    county.registry(county.person('张伟', '2015-03-05', { prefix: '320102' }));
    const result = await county.reconcile(['--county', '341324,320102']);
    expect(result.of('empty_registration').map((c) => c.reasons)).toEqual([['id_not_in_household']]);
    expect(result.summary.county).toEqual({ prefixes: ['341324', '320102'], inferred: false });
  });

  it('person_deceased: linked to a deceased household person', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    county.household(child, { 户籍状态: '死亡' });
    const row = county.registry(child);
    expect((await county.reconcile()).about('registry', row).map((c) => c.reasons)).toEqual([['person_deceased']]);
  });

  it('duplicate_registration: active registrations in two townships, a case each naming the other', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    const hh = county.household(child);
    const first = county.registry(child, { 学校名称: '城关小学', 乡镇: '城关镇' });
    const second = county.registry(child, { 学校名称: '大庄小学', 乡镇: '大庄镇', 全国学籍号: 'L000001' });
    const cases = (await county.reconcile()).of('empty_registration');
    expect(cases.map((c) => [c.township, c.reasons, c.records.map((r) => [r.source, r.row])])).toEqual([
      [
        '城关镇',
        ['duplicate_registration'],
        [
          ['registry', first],
          ['household', hh],
          ['registry', second],
        ],
      ],
      [
        '大庄镇',
        ['duplicate_registration'],
        [
          ['registry', second],
          ['household', hh],
          ['registry', first],
        ],
      ],
    ]);
  });

  it('is no duplicate when the other registration has left', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    county.household(child);
    county.registry(child);
    county.registry(child, { 学籍状态: '转出', 全国学籍号: 'L000001' });
    expect((await county.reconcile()).cases).toEqual([]);
  });

  describe('a child not in the household register registered twice (SPEC §5)', () => {
    // [ID prefix, statuses of the registrations, reasons of each case (none: no case)]
    it.each([
      ['320102', ['在读', '在读'], ['duplicate_registration']],
      ['320102', ['在读', '在籍在校', '在读'], ['duplicate_registration']],
      ['320102', ['在读', '转出'], null],
      ['320102', ['在读', '休学'], null],
      ['320102', ['在读'], null],
      ['341324', ['在读', '在读'], ['id_not_in_household', 'duplicate_registration']],
    ] as const)('prefix %s, statuses %j → %j', async (prefix, statuses, reasons) => {
      const county = new County();
      county.household(county.person('李娜', '1980-01-01', { gender: '女' }));
      const child = county.person('张伟', '2015-03-05', { prefix });
      const rows = statuses.map((status, i) =>
        county.registry(child, { 学籍状态: status, 全国学籍号: `L00000${i}`, 学校名称: `第${i + 1}小学` }),
      );
      const cases = (await county.reconcile()).of('empty_registration');
      if (reasons === null) {
        expect(cases).toEqual([]);
        return;
      }
      const active = rows.filter((_, i) => !['转出', '休学'].includes(statuses[i] as string));
      expect(cases.map((c) => c.records[0]!.row).sort()).toEqual(active);
      for (const c of cases) {
        expect(c.reasons).toEqual(reasons);
        // Each case names the others.
        expect(c.records.map((r) => r.row).sort()).toEqual(active);
      }
    });

    it('two children with different IDs are no duplicate', async () => {
      const county = new County();
      county.household(county.person('李娜', '1980-01-01', { gender: '女' }));
      county.registry(county.person('张伟', '2015-03-05', { prefix: '320102' }));
      county.registry(county.person('张伟', '2015-03-05', { prefix: '320102' }), { 全国学籍号: 'L000001' });
      expect((await county.reconcile()).cases).toEqual([]);
    });
  });
});
