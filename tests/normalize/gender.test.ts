import { describe, expect, it } from 'vitest';
import { parseGender } from '../../src/normalize/index.js';

describe('parseGender', () => {
  it.each([
    ['男', 'M'],
    ['女', 'F'],
    ['男性', 'M'],
    ['女性', 'F'],
    ['1', 'M'],
    ['2', 'F'],
    ['M', 'M'],
    ['m', 'M'],
    ['F', 'F'],
    ['f', 'F'],
    ['Male', 'M'],
    ['FEMALE', 'F'],
    [' 男 ', 'M'],
    ['１', 'M'],
    ['', null],
    ['0', null],
    ['9', null],
    ['未知', null],
    ['未说明的性别', null],
  ] as const)('%s → %s', (text, gender) => {
    expect(parseGender(text)).toBe(gender);
  });

  it.each(['3', '男女', 'x'])('%s is not a gender: undefined', (text) => {
    expect(parseGender(text)).toBeUndefined();
  });
});
