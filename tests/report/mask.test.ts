import { describe, expect, it } from 'vitest';
import { maskIdField, maskIdsInText } from '../../src/report/index.js';

describe('--mask-ids', () => {
  it('keeps the first 6 and the last 4 characters of an ID', () => {
    expect(maskIdField('341324201503051234')).toBe('341324********1234');
    expect(maskIdField('34132420150305123X')).toBe('341324********123X');
    expect(maskIdField('341324150305123')).toBe('341324*****5123');
    expect(maskIdField('12345')).toBe('*****');
    expect(maskIdField('')).toBe('');
  });

  it('finds IDs hidden in other values', () => {
    expect(maskIdsInText('G341324201503051234')).toBe('G341324********1234');
    expect(maskIdsInText('见 341324201503051234 与 34132420150305123x')).toBe('见 341324********1234 与 341324********123x');
  });

  it('leaves shorter numbers and longer digit runs alone', () => {
    expect(maskIdsInText('2134000001')).toBe('2134000001');
    expect(maskIdsInText('学籍第12行')).toBe('学籍第12行');
    expect(maskIdsInText('1234567890123456789012')).toBe('1234567890123456789012');
  });
});
