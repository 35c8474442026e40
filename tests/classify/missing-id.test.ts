import { describe, expect, it } from 'vitest';
import { County, substitute, transpose } from '../helpers/county.js';
import { check, withWrongCheck } from '../helpers/ids.js';

describe('missing_id 无身份证号/证号有误 (SPEC §5)', () => {
  const states = [
    ['id_empty', () => ''],
    ['id_malformed', (id: string) => id.slice(0, 17)],
    ['id_bad_region', (id: string) => fix('00' + id.slice(2, 17))],
    ['id_bad_date', (id: string) => fix(id.slice(0, 10) + '13' + id.slice(12, 17))],
    ['id_bad_checksum', (id: string) => withWrongCheck(id)],
  ] as const;

  it.each(states)('%s, linked by the other rules, suggests the household ID', async (reason, corrupt) => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    const hh = county.household(child);
    const row = county.registry(child, { 身份证号: corrupt(child.id) });
    const result = await county.reconcile();
    const cases = result.about('registry', row);
    expect(cases.map((c) => [c.category, c.reasons])).toEqual([['missing_id', [reason]]]);
    expect(cases[0]!.suggested_id).toBe(child.id);
    expect(cases[0]!.records.map((r) => [r.source, r.row])).toEqual([
      ['registry', row],
      ['household', hh],
    ]);
    expect(result.of('unregistered_school_age')).toEqual([]);
  });

  it('id_differs: a valid registry ID two substitutions from the household one', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    county.household(child);
    const wrong = twoSubstitutionsValid(child.id);
    const row = county.registry(child, { 身份证号: wrong });
    const [found, ...more] = (await county.reconcile()).about('registry', row);
    expect(more).toEqual([]);
    expect(found).toMatchObject({ category: 'missing_id', reasons: ['id_differs'], suggested_id: child.id, match: { rule: 'id_fuzzy' } });
  });

  it('no_household_record: a wrong or missing ID and nobody in the household register', async () => {
    const county = new County();
    const row = county.registry(county.person('张伟', '2015-03-05'), { 身份证号: '' });
    const [found] = (await county.reconcile()).about('registry', row);
    expect(found).toMatchObject({ category: 'missing_id', reasons: ['id_empty', 'no_household_record'], suggested_id: null });
  });

  it('only active registrations', async () => {
    const county = new County();
    county.registry(county.person('张伟', '2015-03-05'), { 身份证号: '', 学籍状态: '毕业' });
    expect((await county.reconcile()).cases).toEqual([]);
  });

  it('not for a passport or another document, which is not validated', async () => {
    const county = new County();
    county.registry(county.person('JOHN', '2015-03-05'), { 身份证件类型: '护照', 身份证号: 'E12345678' });
    county.registry(county.person('JANE', '2015-03-05', { gender: '女' }), { 身份证件类型: '居民身份证', 身份证号: 'E12345678' });
    expect((await county.reconcile()).cases.map((c) => [c.person.name, c.reasons])).toEqual([
      ['JANE', ['id_malformed', 'no_household_record']],
    ]);
  });

  it('one substitution and one transposition link too', async () => {
    const county = new County();
    const a = county.person('张伟', '2015-03-05');
    const b = county.person('李娜', '2014-06-07', { gender: '女' });
    county.household(a);
    county.household(b);
    const rowA = county.registry(a, { 身份证号: substitute(a.id, 14, a.id[13] === '9' ? '8' : '9') });
    const rowB = county.registry(b, { 身份证号: transpose(b.id, 11) });
    const result = await county.reconcile();
    expect(result.about('registry', rowA)[0]).toMatchObject({
      reasons: ['id_bad_checksum'],
      suggested_id: a.id,
      match: { rule: 'id_fuzzy', evidence: { id_number: { level: 'one_substitution', positions: [14] } } },
    });
    expect(result.about('registry', rowB)[0]).toMatchObject({
      suggested_id: b.id,
      match: { rule: 'id_fuzzy', evidence: { id_number: { level: 'transposition', positions: [11, 12] } } },
    });
  });
});

function fix(body17: string): string {
  return body17 + check(body17);
}

/** Another valid ID two digits away: digit 15 and digit 16 changed so the checksum still holds. */
function twoSubstitutionsValid(id: string): string {
  for (let a = 0; a <= 9; a++) {
    for (let b = 0; b <= 9; b++) {
      const body = id.slice(0, 14) + a + b + id[16];
      const candidate = body + check(body);
      if (candidate[17] === id[17] && candidate !== id && a !== Number(id[14]) && b !== Number(id[15])) return candidate;
    }
  }
  throw new Error('no valid neighbour');
}
