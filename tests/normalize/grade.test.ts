import { describe, expect, it } from 'vitest';
import { isJuniorMiddleGrade } from '../../src/normalize/index.js';

describe('isJuniorMiddleGrade (grades 7–9, 初中)', () => {
  it.each(['七年级', '八年级', '九年级', '7年级', '9', '初一', '初二', '初三', '初中一年级', '初中三年级', '21', '23', '九年级（初三）', '９年级', '初三年级'])('%s is junior middle', (grade) => {
    expect(isJuniorMiddleGrade(grade)).toBe(true);
  });

  it.each(['六年级', '6', '一年级', '十年级', '高一', '16', '31', '', '初四', '初中', '六年级（小学）'])('%s is not', (grade) => {
    expect(isJuniorMiddleGrade(grade)).toBe(false);
  });
});
