import { describe, expect, it } from 'vitest';
import { County, transpose } from '../helpers/county.js';

describe('enrolled_absent 在籍不在校 (SPEC §5)', () => {
  it('poverty_out_of_school: an active registration of a child the poverty roll says is out of school', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    const hh = county.household(child);
    const reg = county.registry(child);
    const pov = county.poverty(child, { 在校生状况: '非在校生' });
    const result = await county.reconcile();
    const [found, ...more] = result.of('enrolled_absent');
    expect(more).toEqual([]);
    expect(found).toMatchObject({ reasons: ['poverty_out_of_school'], flags: ['poverty'] });
    expect(found!.records.map((r) => [r.source, r.row])).toEqual([
      ['registry', reg],
      ['household', hh],
      ['poverty', pov],
    ]);
  });

  it('counts 是否失学辍学 = 是 as out of school too', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    county.household(child);
    county.registry(child);
    county.poverty(child, { 在校生状况: '', 是否失学辍学: '是' });
    expect((await county.reconcile()).of('enrolled_absent')[0]?.reasons).toEqual(['poverty_out_of_school']);
  });

  it('links a poverty member with no household person to the registration directly', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    const reg = county.registry(child);
    county.poverty(child, { 在校生状况: '非在校生' });
    const result = await county.reconcile();
    expect(result.about('registry', reg).find((c) => c.category === 'enrolled_absent')?.reasons).toEqual(['poverty_out_of_school']);
    expect(result.of('unregistered_school_age')).toEqual([]);
  });

  it('raises nothing for a poverty member in school', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    county.household(child);
    county.registry(child);
    county.poverty(child, { 在校生状况: '在校生' });
    expect((await county.reconcile()).cases).toEqual([]);
  });

  it('not_checked_in: only at schools the roster covers, only for students not on it', async () => {
    const county = new County();
    const present = county.person('张伟', '2015-03-05');
    const absent = county.person('李娜', '2015-04-06', { gender: '女' });
    const elsewhere = county.person('王芳', '2015-05-07', { gender: '女' });
    for (const child of [present, absent, elsewhere]) county.household(child);
    county.registry(present);
    const absentRow = county.registry(absent);
    county.registry(elsewhere, { 学校名称: '大庄小学' });
    county.attendance(present);
    const result = await county.reconcile();
    expect(result.of('enrolled_absent').map((c) => [c.records[0]!.row, c.reasons])).toEqual([[absentRow, ['not_checked_in']]]);
  });

  it('compares schools by code where both have one, else by name', async () => {
    const county = new County();
    const a = county.person('张伟', '2015-03-05');
    const b = county.person('李娜', '2015-04-06', { gender: '女' });
    const c = county.person('王芳', '2015-05-07', { gender: '女' });
    for (const child of [a, b, c]) county.household(child);
    county.registry(a, { 学校标识码: '2134000001' });
    // Same name, another code: a different school, not covered by the roster.
    county.registry(b, { 学校标识码: '2134000002' });
    // No code on the registry side: compared by name.
    const cRow = county.registry(c, { 学校标识码: '' });
    county.attendance(a, { 学校标识码: '2134000001' });
    const result = await county.reconcile();
    expect(result.of('enrolled_absent').map((x) => x.records[0]!.row)).toEqual([cRow]);
  });

  it('matches a check-in by ID when the roster has no student number', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    county.household(child);
    county.registry(child);
    county.attendance(child, { 全国学籍号: '' });
    expect((await county.reconcile()).cases).toEqual([]);
  });

  it('registry_dropout: a dropout status of a school-age child, not of a child past school age', async () => {
    const county = new County();
    const young = county.person('张伟', '2012-03-05');
    const old = county.person('李强', '2010-08-31'); // sixteen on 2026-08-31
    county.household(young);
    county.household(old);
    const youngRow = county.registry(young, { 学籍状态: '辍学' });
    county.registry(old, { 学籍状态: '辍学' });
    const result = await county.reconcile();
    expect(result.of('enrolled_absent').map((c) => [c.records[0]!.row, c.reasons])).toEqual([[youngRow, ['registry_dropout']]]);
  });

  it("takes a dropout's age from the linked person when its own ID is wrong and its birth date empty", async () => {
    const county = new County();
    const child = county.person('张伟', '2012-03-05');
    county.household(child);
    const row = county.registry(child, { 学籍状态: '失学', 身份证号: transpose(child.id, 9), 出生日期: '' });
    const result = await county.reconcile();
    expect(result.about('registry', row).map((c) => [c.category, c.reasons])).toEqual([['enrolled_absent', ['registry_dropout']]]);
  });

  it('cannot tell the age of a dropout with no ID, no birth date and no link: no case', async () => {
    const county = new County();
    const child = county.person('张伟', '2012-03-05');
    const row = county.registry(child, { 学籍状态: '失学', 身份证号: '', 出生日期: '' });
    expect((await county.reconcile()).about('registry', row)).toEqual([]);
  });

  it('puts two reasons of one record into one case', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    const other = county.person('李娜', '2015-04-06', { gender: '女' });
    county.household(child);
    county.household(other);
    county.registry(child);
    county.registry(other);
    county.poverty(child, { 在校生状况: '非在校生' });
    county.attendance(other);
    const result = await county.reconcile();
    expect(result.of('enrolled_absent').map((c) => c.reasons)).toEqual([['poverty_out_of_school', 'not_checked_in']]);
  });
});
