import { describe, expect, it } from 'vitest';
import type { Case, Flag } from '../../src/domain/index.js';
import { priorityOrder } from '../../src/report/index.js';

function aCase(id: string, flags: Flag[], township: string, school: string, name: string): Case {
  return {
    case_id: id,
    category: 'missing_id',
    reasons: ['id_empty'],
    flags,
    township,
    school,
    village: '',
    grade: '',
    class: '',
    student_no: '',
    household_no: '',
    id_note: '',
    person: { name, id_number: '', gender: null, birth_date: null },
    records: [],
    suggested_id: null,
    candidates: [],
    match: null,
    differences: [],
    guardians: { status: 'no_household', names: [], household_no: '', village: '' },
  };
}

describe('priorityOrder (issue #5)', () => {
  it('puts focus groups first, then 初中, then township, school and name in pinyin order', () => {
    const cases = [
      aCase('a', [], '城关镇', '城关小学', '张伟'),
      aCase('b', ['junior_middle'], '东湖镇', '东湖中学', '王芳'),
      aCase('c', ['migrant'], '城关镇', '城关小学', '李娜'),
      aCase('d', ['poverty', 'junior_middle'], '西岗镇', '西岗中学', '赵强'),
      aCase('e', ['left_behind'], '城关镇', '城关小学', '陈静'),
      aCase('f', [], '城关镇', '城关小学', '阿依古丽·买买提'),
      aCase('g', ['disabled'], '东湖镇', '东湖小学', '周杰'),
      aCase('h', ['parent_incarcerated'], '东湖镇', '东湖小学', '吴军'),
      aCase('i', [], '白马乡', '白马小学', '孙丽'),
    ];
    expect(priorityOrder(cases).map((i) => cases[i]!.case_id)).toEqual(['d', 'g', 'e', 'h', 'c', 'b', 'i', 'f', 'a']);
  });
});
