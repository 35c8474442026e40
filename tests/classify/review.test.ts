import { describe, expect, it } from 'vitest';
import { County } from '../helpers/county.js';

describe('review 待人工核实 (SPEC §4, §5)', () => {
  it('ambiguous_match: two children of one name and birthday in one township, the registration without an ID', async () => {
    const county = new County();
    const a = county.person('张伟', '2015-03-05');
    const b = county.person('张伟', '2015-03-05');
    const rowA = county.household(a, { 户号: 'H001' });
    const rowB = county.household(b, { 户号: 'H002' });
    const reg = county.registry(a, { 身份证号: '' });
    const result = await county.reconcile();
    const review = result.of('review');
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({
      reasons: ['ambiguous_match'],
      records: [{ source: 'registry', row: reg }],
      match: null,
      suggested_id: null,
    });
    expect(review[0]!.candidates.map((c) => [c.source, c.row, c.id_number, c.household_no])).toEqual([
      ['household', rowA, a.id, 'H001'],
      ['household', rowB, b.id, 'H002'],
    ]);
    expect(review[0]!.candidates[0]!.evidence).toEqual({
      id_number: { level: 'not_compared' },
      name: { level: 'equal' },
      gender: { level: 'equal' },
      birth_date: { level: 'equal' },
      township: { level: 'equal' },
    });
    // The review decides: neither child is unregistered, and no 入户 is suggested.
    expect(result.of('unregistered_school_age')).toEqual([]);
    expect(result.of('missing_id').map((c) => c.reasons)).toEqual([['id_empty']]);
  });

  it('weak_match: a name that only sounds alike (张玮 / 张伟)', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    county.household(child);
    county.registry({ ...child, name: '张玮' }, { 身份证号: '' });
    const result = await county.reconcile();
    expect(result.of('review').map((c) => [c.reasons, c.candidates.map((x) => x.evidence.name.level)])).toEqual([
      [['weak_match'], ['sound_alike']],
    ]);
    expect(result.of('unregistered_school_age')).toEqual([]);
  });

  it('twins: the registration without an ID links to the right twin by name and birth date', async () => {
    const county = new County();
    const first = county.person('王大明', '2014-06-01', { sequence: 11 });
    const second = county.person('王小明', '2014-06-01', { sequence: 13 });
    county.household(first);
    const secondRow = county.household(second);
    county.registry(first);
    const reg = county.registry(second, { 身份证号: '' });
    const result = await county.reconcile();
    expect(result.of('review')).toEqual([]);
    expect(result.of('unregistered_school_age')).toEqual([]);
    const missing = result.about('registry', reg);
    expect(missing.map((c) => [c.category, c.suggested_id, c.records[1]?.row])).toEqual([['missing_id', second.id, secondRow]]);
    expect(missing[0]!.match?.rule).toBe('name_birth');
  });

  it('links names equal after normalisation: traditional characters, another separator dot', async () => {
    const county = new County();
    const a = county.person('刘晓东', '2014-06-01');
    const b = county.person('阿依古丽·买买提', '2013-02-03', { gender: '女' });
    county.household(a);
    county.household(b);
    county.registry({ ...a, name: '劉曉東' }, { 身份证号: '' });
    county.registry({ ...b, name: '阿依古丽•买买提' }, { 身份证号: '' });
    const result = await county.reconcile();
    expect(result.summary.links.registry.name_birth).toBe(2);
    expect(result.of('review')).toEqual([]);
  });

  it('does not link by name and birth date across townships', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05', { township: '城关镇' });
    county.household(child);
    county.registry({ ...child, township: '大庄镇' }, { 身份证号: '' });
    const result = await county.reconcile();
    expect(result.summary.links.registry.name_birth).toBe(0);
    expect(result.of('unregistered_school_age')).toHaveLength(1);
  });

  it('reviews a poverty member who fits two household people', async () => {
    const county = new County();
    const a = county.person('张伟', '2015-03-05');
    const b = county.person('张伟', '2015-03-05');
    county.household(a);
    county.household(b);
    county.registry(a);
    county.registry(b);
    const pov = county.poverty(a, { 证件号码: '' });
    const result = await county.reconcile();
    expect(result.of('review').map((c) => [c.records[0], c.candidates.length])).toEqual([
      [expect.objectContaining({ source: 'poverty', row: pov }), 2],
    ]);
    expect(result.of('unregistered_school_age')).toEqual([]);
  });

  it('reviews two IDs equally near: each one substitution away', async () => {
    const county = new County();
    const a = county.person('张伟', '2015-03-05', { sequence: 11 });
    const b = county.person('张伟', '2015-03-05', { sequence: 31 });
    county.household(a);
    county.household(b);
    // a's 17 digits with b's check character: one substitution from each.
    const row = county.registry(a, { 身份证号: a.id.slice(0, 17) + b.id[17] });
    const result = await county.reconcile();
    expect(result.about('registry', row).map((c) => [c.category, c.reasons])).toEqual([
      ['missing_id', ['id_bad_checksum']],
      ['review', ['ambiguous_match']],
    ]);
    const review = result.of('review')[0]!;
    expect(review.candidates.map((c) => c.evidence.id_number)).toEqual([
      { level: 'one_substitution', positions: [18] },
      { level: 'one_substitution', positions: [16] },
    ]);
  });
});
