import { describe, expect, it } from 'vitest';
import { SourceRecord, type Gender } from '../../src/domain/index.js';
import { linkRecord, PeopleIndex } from '../../src/link/index.js';
import { RecordTable } from '../../src/load/index.js';
import { IdKeyTable, isChecksumValid, normalizeIdNumber, normalizeName } from '../../src/normalize/index.js';
import { makeId } from '../helpers/ids.js';

function person(fields: {
  id?: string;
  name: string;
  gender?: Gender;
  birth?: number;
  township?: string;
  source?: 'registry' | 'household';
}): SourceRecord {
  const record = new SourceRecord(fields.source ?? 'household', 2);
  const id = normalizeIdNumber(fields.id ?? '', 20260920);
  record.id = id.value;
  record.idState = id.state;
  record.idBirth = id.birth;
  record.idGender = id.gender;
  record.name = normalizeName(fields.name);
  record.nameRaw = fields.name;
  record.gender = fields.gender ?? null;
  record.birthDate = fields.birth ?? 0;
  record.township = fields.township ?? '';
  return record;
}

const A = makeId('341324', '20150305', 121);

/** The household people of a test, kept as rollcall keeps them (in columns). */
function indexOf(people: SourceRecord[]): PeopleIndex {
  const keys = new IdKeyTable();
  return new PeopleIndex(RecordTable.of('household', people, keys));
}

describe('linkRecord: the rules of SPEC §4 in order', () => {
  it('id_exact first, whatever the name says', () => {
    const index = indexOf([person({ id: A, name: '张伟' })]);
    const outcome = linkRecord(person({ id: A, name: '李娜', source: 'registry' }), index);
    expect(outcome).toMatchObject({
      kind: 'linked',
      link: { target: 0, rule: 'id_exact', evidence: { id_number: { level: 'equal' }, name: { level: 'differs' } } },
    });
  });

  it('id_exact with a duplicated household ID (重号) is ambiguous', () => {
    const index = indexOf([person({ id: A, name: '张伟' }), person({ id: A, name: '张伟' })]);
    expect(linkRecord(person({ id: A, name: '张伟', source: 'registry' }), index)).toMatchObject({
      kind: 'review',
      review: { reasons: ['ambiguous_match'] },
    });
  });

  it('id_fuzzy needs names equal or alike', () => {
    const index = indexOf([person({ id: A, name: '张伟' })]);
    const typo = A.slice(0, 17) + (A[17] === '0' ? '1' : '0');
    expect(linkRecord(person({ id: typo, name: '张玮', source: 'registry' }), index)).toMatchObject({
      kind: 'linked',
      link: { rule: 'id_fuzzy', evidence: { name: { level: 'sound_alike' } } },
    });
    expect(linkRecord(person({ id: typo, name: '李娜', source: 'registry' }), index)).toEqual({ kind: 'none' });
  });

  it('id_fuzzy refuses contradicting genders', () => {
    const index = indexOf([person({ id: A, name: '张伟' })]);
    const typo = A.slice(0, 17) + (A[17] === '0' ? '1' : '0');
    expect(linkRecord(person({ id: typo, name: '张伟', gender: 'F', source: 'registry' }), index)).toEqual({ kind: 'none' });
    expect(linkRecord(person({ id: typo, name: '张伟', gender: 'M', source: 'registry' }), index).kind).toBe('linked');
  });

  it('two substitutions only between two checksum-valid IDs', () => {
    const index = indexOf([person({ id: A, name: '张伟' })]);
    // Digits 15 and 16 changed so that the checksum still holds: both valid.
    const valid = twoDigitsAway(A, true);
    expect(linkRecord(person({ id: valid, name: '张伟', source: 'registry' }), index)).toMatchObject({
      kind: 'linked',
      link: { rule: 'id_fuzzy', evidence: { id_number: { level: 'two_substitutions', positions: [15, 16] } } },
    });
    // The same two digits changed without keeping the checksum: not linked.
    const invalid = twoDigitsAway(A, false);
    expect(linkRecord(person({ id: invalid, name: '张伟', source: 'registry' }), index)).toEqual({ kind: 'none' });
  });

  it('prefers one edit over two, and equal names over alike ones', () => {
    const near = makeId('341324', '20150305', 123);
    const index = indexOf([person({ id: A, name: '张伟' }), person({ id: near, name: '张玮' })]);
    // A with a wrong check character: one substitution from A; from `near` more than that.
    const query = person({ id: A.slice(0, 17) + (A[17] === '0' ? '1' : '0'), name: '张伟', source: 'registry' });
    expect(linkRecord(query, index)).toMatchObject({ kind: 'linked', link: { target: 0 } });
  });

  it('name_birth with a valid ID looks only at people without a usable ID', () => {
    const index = indexOf([person({ id: makeId('341324', '20150305', 131), name: '张伟' }), person({ name: '张伟', birth: 20150305 })]);
    const outcome = linkRecord(person({ id: makeId('320102', '20150305', 121), name: '张伟', source: 'registry' }), index);
    expect(outcome).toMatchObject({ kind: 'linked', link: { target: 1, rule: 'name_birth' } });
  });

  it('name_birth needs a birth date and a name', () => {
    const index = indexOf([person({ id: A, name: '张伟' })]);
    expect(linkRecord(person({ name: '张伟', source: 'registry' }), index)).toEqual({ kind: 'none' });
    expect(linkRecord(person({ name: '', birth: 20150305, source: 'registry' }), index)).toEqual({ kind: 'none' });
  });

  it('a strong name_birth candidate wins over weak ones', () => {
    const index = indexOf([person({ id: A, name: '张伟' }), person({ id: makeId('341324', '20150305', 133), name: '张玮' })]);
    expect(linkRecord(person({ name: '张伟', birth: 20150305, source: 'registry' }), index)).toMatchObject({
      kind: 'linked',
      link: { target: 0 },
    });
  });

  it('several weak candidates are both ambiguous and weak', () => {
    const index = indexOf([person({ id: A, name: '张伟' }), person({ id: makeId('341324', '20150305', 133), name: '章伟' })]);
    expect(linkRecord(person({ name: '张玮', birth: 20150305, source: 'registry' }), index)).toMatchObject({
      kind: 'review',
      review: { rule: 'name_birth', reasons: ['ambiguous_match', 'weak_match'] },
    });
  });
});

function twoDigitsAway(id: string, keepChecksum: boolean): string {
  for (let a = 0; a <= 9; a++) {
    for (let b = 0; b <= 9; b++) {
      if (String(a) === id[14] || String(b) === id[15]) continue;
      const candidate = id.slice(0, 14) + a + b + id.slice(16);
      if (isChecksumValid(candidate) === keepChecksum) return candidate;
    }
  }
  throw new Error('none found');
}
