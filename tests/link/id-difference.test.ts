import { describe, expect, it } from 'vitest';
import { describeIdDifference } from '../../src/link/index.js';

const ID = '34132420150305123X';

describe('describeIdDifference', () => {
  it.each([
    ['34132420150305124X', { level: 'one_substitution', positions: [17] }],
    ['341324201503051231', { level: 'one_substitution', positions: [18] }],
    ['34132421050305123X', { level: 'transposition', positions: [8, 9] }],
    ['34132420150305132X', { level: 'transposition', positions: [16, 17] }],
    ['3413242015030512X3', { level: 'transposition', positions: [17, 18] }],
    ['34132420150305134X', { level: 'two_substitutions', positions: [16, 17] }],
    ['44132420150305123Y', { level: 'two_substitutions', positions: [1, 18] }],
  ])('%s', (other, expected) => {
    expect(describeIdDifference(ID, other)).toEqual(expected);
  });

  it.each([ID, '34132420150305999X', '3413242015030512', '44132420150305124Y'])(
    '%s is not one of the differences id_fuzzy allows',
    (other) => {
      expect(describeIdDifference(ID, other)).toBeNull();
    },
  );
});
