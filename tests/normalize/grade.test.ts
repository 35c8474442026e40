import { describe, expect, it } from 'vitest';
import { gradeLevel, isJuniorMiddleGrade } from '../../src/normalize/index.js';

describe('isJuniorMiddleGrade (grades 7–9, 初中)', () => {
  it.each([
    '七年级',
    '八年级',
    '九年级',
    '7年级',
    '9',
    '初一',
    '初二',
    '初三',
    '初中一年级',
    '初中三年级',
    '21',
    '23',
    '九年级（初三）',
    '９年级',
    '初三年级',
  ])('%s is junior middle', (grade) => {
    expect(isJuniorMiddleGrade(grade)).toBe(true);
  });

  it.each(['六年级', '6', '一年级', '十年级', '高一', '16', '31', '', '初四', '初中', '六年级（小学）'])('%s is not', (grade) => {
    expect(isJuniorMiddleGrade(grade)).toBe(false);
  });
});

describe('gradeLevel', () => {
  it.each([
    ['一年级', 1],
    ['六年级', 6],
    ['6', 6],
    ['小学六年级', 6],
    ['小学三年级', 3],
    ['九年级', 9],
    ['初一', 7],
    ['初中三年级', 9],
    ['高一', 10],
    ['高中三年级', 12],
    ['11', 1],
    ['16', 6],
    ['21', 7],
    ['23', 9],
    ['31', 10],
    ['33', 12],
    ['24', null],
    ['17', null],
    ['小学七年级', null],
    ['十年级', null],
    ['', null],
    ['学前班', null],
  ])('%j → %s', (grade, level) => {
    expect(gradeLevel(grade)).toBe(level);
  });
});
