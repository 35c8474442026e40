import { describe, expect, it } from 'vitest';
import { SourceRecord } from '../../src/domain/index.js';
import { RecordTable } from '../../src/load/index.js';
import { IdKeyTable } from '../../src/normalize/index.js';
import { makeId } from '../helpers/ids.js';

function record(row: number, fields: Partial<SourceRecord>): SourceRecord {
  return Object.assign(new SourceRecord('household', row), fields);
}

describe('RecordTable', () => {
  const valid = makeId('341324', '20150305', 121);
  const records = [
    record(2, {
      id: valid,
      idState: 'valid',
      idBirth: 20150305,
      idGender: 'M',
      name: '张伟',
      nameRaw: '張偉',
      gender: 'M',
      birthDate: 20150306,
      township: '城关镇',
      village: '前进村',
      householdNo: 'H1',
      statusKind: 'living',
    }),
    record(3, {
      id: '34132420150305',
      idState: 'malformed',
      name: '李娜',
      nameRaw: '李娜',
      gender: 'F',
      birthDate: 20140101,
      statusKind: 'deceased',
      flags: 5,
    }),
    record(5, {
      id: '',
      idState: 'empty',
      name: '王芳',
      nameRaw: '王芳',
      studentNo: 'G1',
      school: '城关小学',
      grade: '七年级',
      juniorMiddle: true,
    }),
  ];

  it('gives every row back as it was pushed, as one object however often it is asked for', () => {
    const table = RecordTable.of('household', records, new IdKeyTable());
    expect(table.at(1)).toBe(table.at(1));
    expect(table.length).toBe(3);
    for (let i = 0; i < records.length; i++) {
      const back = table.at(i);
      const original = records[i]!;
      for (const field of [
        'row',
        'id',
        'idState',
        'idGender',
        'name',
        'nameRaw',
        'gender',
        'birthDate',
        'township',
        'village',
        'householdNo',
        'studentNo',
        'school',
        'grade',
        'statusKind',
        'juniorMiddle',
        'flags',
      ] as const) {
        expect(back[field], `${i} ${field}`).toEqual(original[field]);
      }
      if (original.idState === 'valid') expect(back.idBirth).toBe(20150305);
    }
  });

  it('reads columns without making records', () => {
    const table = RecordTable.of('household', records);
    expect([0, 1, 2].map((i) => table.idKey(i) >= 0)).toEqual([true, false, false]);
    expect([0, 1, 2].map((i) => table.birth(i))).toEqual([20150305, 20140101, 0]);
    expect([0, 1, 2].map((i) => table.statusKind(i))).toEqual(['living', 'deceased', 'unknown']);
    expect([0, 1, 2].map((i) => table.gender(i))).toEqual(['M', 'F', null]);
    expect([0, 1, 2].map((i) => table.name(i))).toEqual(['张伟', '李娜', '王芳']);
  });

  it('grows past its first capacity', () => {
    const table = new RecordTable('household', new IdKeyTable(), { capacity: 16 });
    for (let row = 2; row < 1002; row++)
      table.push(record(row, { id: makeId('341324', '20150305', row % 999), idState: 'valid', name: '张伟' }));
    expect(table.length).toBe(1000);
    expect(table.at(999).row).toBe(1001);
    expect(table.at(999).id).toBe(makeId('341324', '20150305', 1001 % 999));
  });
});
