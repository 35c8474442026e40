import { describe, expect, it } from 'vitest';
import { describeIdDifference } from '../../src/link/index.js';

const ID = '34132420150305123X';

describe('describeIdDifference', () => {
  it.each([
    ['34132420150305124X', { kind: 'one_substitution', positions: [17], text: 'digit 17 differs' }],
    ['341324201503051231', { kind: 'one_substitution', positions: [18], text: 'check character differs' }],
    ['34132421050305123X', { kind: 'transposition', positions: [8, 9], text: 'digits 8–9 transposed' }],
    ['34132420150305132X', { kind: 'transposition', positions: [16, 17], text: 'digits 16–17 transposed' }],
    ['3413242015030512X3', { kind: 'transposition', positions: [17, 18], text: 'digits 17–18 transposed' }],
    ['34132420150305134X', { kind: 'two_substitutions', positions: [16, 17], text: 'digits 16 and 17 differ' }],
    ['44132420150305123Y', { kind: 'two_substitutions', positions: [1, 18], text: 'digits 1 and 18 differ' }],
  ])('%s', (other, expected) => {
    expect(describeIdDifference(ID, other)).toEqual(expected);
  });

  it.each([ID, '34132420150305999X', '3413242015030512', '44132420150305124Y'])('%s is not one of the differences id_fuzzy allows', (other) => {
    expect(describeIdDifference(ID, other)).toBeNull();
  });
});
