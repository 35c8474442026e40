import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { County } from '../helpers/county.js';

describe('identity_mismatch 身份信息不一致 (SPEC §5)', () => {
  it.each([
    ['name_differs', { 姓名: '张伟明' }],
    ['gender_differs', { 性别: '女' }],
    ['birth_date_differs', { 出生日期: '2015-03-06' }],
  ] as const)('%s', async (reason, fields) => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    county.household(child);
    const row = county.registry(child, fields);
    const [found, ...more] = (await county.reconcile()).about('registry', row);
    expect(more).toEqual([]);
    expect(found).toMatchObject({ category: 'identity_mismatch', reasons: [reason], match: { rule: 'id_exact' } });
  });

  it('lists every difference of one record in one case', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    county.household(child);
    county.registry(child, { 姓名: '张卫', 性别: '女', 出生日期: '2015/3/6' });
    const [found] = (await county.reconcile()).of('identity_mismatch');
    expect(found?.reasons).toEqual(['name_differs', 'gender_differs', 'birth_date_differs']);
    // SPEC §7: both sides of every difference, as each export states it.
    expect(found?.differences).toEqual([
      { field: 'name', registry: '张卫', household: '张伟' },
      { field: 'gender', registry: 'female', household: 'male' },
      { field: 'birth_date', registry: '2015-03-06', household: '2015-03-05' },
    ]);
    // The link's evidence says what the reasons say (issue #9: they contradicted each other).
    expect(found?.match?.evidence).toMatchObject({
      name: { level: 'sound_alike' },
      gender: { level: 'differs' },
      birth_date: { level: 'differs' },
    });
  });

  it('shows the registry value and the household value side by side in the CSV', async () => {
    const county = new County();
    const child = county.person('胡兰芳', '2014-03-05', { gender: '女' });
    county.household(child);
    county.registry(child, { 姓名: '胡洁霞', 出生日期: '2014-03-06' });
    const result = await county.reconcile();
    const csv = readFileSync(join(result.out, 'identity_mismatch.csv'), 'utf8');
    const [header, row] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    const column = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(column('学籍值')).toBe('姓名：胡洁霞；出生日期：2014-03-06');
    expect(column('户籍值')).toBe('姓名：胡兰芳；出生日期：2014-03-05');
    expect(column('匹配依据')).toContain('出生日期：不一致');
  });

  it('treats a value missing on either side as no difference', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    county.household(child, { 性别: '', 出生日期: '' });
    county.registry(child, { 性别: '', 出生日期: '' });
    expect((await county.reconcile()).cases).toEqual([]);
  });

  describe('never a case: differences normalisation removes', () => {
    const spell = (id: string, how: string): string =>
      ({
        fullwidth: id.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
        lower: id.toLowerCase(),
        spaced: `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`,
      })[how]!;

    it.each([
      ['traditional characters', { 姓名: '張偉' }, ''],
      ['spaces in the name', { 姓名: ' 张 伟 ' }, ''],
      ['full-width digits in the ID', {}, 'fullwidth'],
      ['a lower-case x', {}, 'lower'],
      ['spaces in the ID', {}, 'spaced'],
      ['another date spelling', { 出生日期: '2015年3月5日' }, ''],
      ['a gender code', { 性别: '1' }, ''],
    ])('%s', async (_what, fields: Record<string, string>, idSpelling) => {
      const county = new County();
      // Sequence 069 on 2015-03-05 under 341324 ends in X, so "lower-case x" is real.
      const child = county.person('张伟', '2015-03-05', { sequence: 69 });
      expect(child.id.endsWith('X')).toBe(true);
      county.household(child);
      county.registry(child, idSpelling ? { ...fields, 身份证号: spell(child.id, idSpelling) } : fields);
      const result = await county.reconcile();
      expect(result.cases).toEqual([]);
      expect(result.summary.links.registry.id_exact).toBe(1);
    });

    it('a minority name written with another separator dot', async () => {
      const county = new County();
      const child = county.person('阿依古丽·买买提', '2015-03-05', { gender: '女' });
      county.household(child);
      county.registry(child, { 姓名: '阿依古丽.买买提' });
      county.registry(county.person('古丽．艾山', '2014-01-02', { gender: '女' }), {});
      const result = await county.reconcile();
      expect(result.of('identity_mismatch')).toEqual([]);
    });
  });
});
