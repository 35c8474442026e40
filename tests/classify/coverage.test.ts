import { describe, expect, it } from 'vitest';
import { County } from '../helpers/county.js';

describe('what the cases do not show by themselves (summary.json, issue #12)', () => {
  it('counts per township the living school-age people and those with an active registration', async () => {
    const county = new County();
    const enrolled = county.person('张伟', '2015-03-05', { township: '城关镇' });
    const transferred = county.person('李娜', '2014-04-04', { gender: '女', township: '城关镇' });
    const unregistered = county.person('王芳', '2016-05-06', { gender: '女', township: '东湖镇' });
    const gone = county.person('赵强', '2015-07-08', { township: '东湖镇' });
    const adult = county.person('钱多', '1990-01-01', { township: '东湖镇' });
    for (const person of [enrolled, transferred, unregistered, adult]) county.household(person);
    county.household(gone, { 户籍状态: '迁出' });
    county.registry(enrolled);
    county.registry(transferred, { 学籍状态: '转出' });
    const { summary } = await county.reconcile();
    expect(summary.population_by_township).toEqual({
      东湖镇: { school_age: 1, with_active_registration: 0 },
      城关镇: { school_age: 2, with_active_registration: 1 },
    });
  });

  it('lists the schools with active registrations that the roster does not cover, and is null without a roster', async () => {
    const county = new County();
    const [a, b, c] = [
      county.person('张伟', '2015-03-05'),
      county.person('李娜', '2014-04-04', { gender: '女' }),
      county.person('王芳', '2016-05-06', { gender: '女' }),
    ];
    for (const person of [a, b, c]) county.household(person);
    county.registry(a, { 学校名称: '城关小学', 学校标识码: '2134000001' });
    county.registry(b, { 学校名称: '东湖小学', 学校标识码: '2134000002' });
    county.registry(c, { 学校名称: '东湖小学', 学校标识码: '2134000002' });
    expect((await county.reconcile()).summary.attendance).toBeNull();
    county.attendance(a, { 学校标识码: '2134000001' });
    const { summary } = await county.reconcile();
    expect(summary.attendance).toEqual({
      schools_without_roster: [{ school: '东湖小学', school_code: '2134000002', active_registrations: 2 }],
    });
    // Their students are not reported as not checked in: the roster could not check them.
    expect(summary.cases.by_reason.not_checked_in).toBe(0);
  });
});
