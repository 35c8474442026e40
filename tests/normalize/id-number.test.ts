import { describe, expect, it } from 'vitest';
import { convert15, isChecksumValid, normalizeIdFromNumber, normalizeIdNumber } from '../../src/normalize/index.js';
import { makeId, withWrongCheck } from '../helpers/ids.js';

const AS_OF = 20260915;

describe('normalizeIdNumber: the GB 11643 examples', () => {
  it('accepts 11010519491231002X, a woman born 1949-12-31', () => {
    expect(normalizeIdNumber('11010519491231002X', AS_OF)).toEqual({
      state: 'valid',
      value: '11010519491231002X',
      birth: 19491231,
      gender: 'F',
      note: '',
    });
  });

  it('440524188001010014 has a right check digit but a birth year before 1900: bad_date', () => {
    expect(isChecksumValid('440524188001010014')).toBe(true);
    expect(normalizeIdNumber('440524188001010014', AS_OF).state).toBe('bad_date');
  });
});

describe('normalizeIdNumber: every state, in SPEC §2 order', () => {
  const valid = makeId('341324', '20150305', 123);
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\t', 'empty'],
    [valid.slice(0, 17), 'malformed'], // 17 characters
    [valid + '1', 'malformed'], // 19 characters
    [valid.slice(0, 5) + 'X' + valid.slice(6), 'malformed'], // X inside
    [valid.slice(0, 10) + 'A' + valid.slice(11), 'malformed'],
    ['3413242015030512', 'malformed'], // 16 digits
    [makeId('001324', '20150305', 123), 'bad_region'],
    [makeId('991324', '20150305', 123), 'bad_region'],
    [makeId('341324', '20150230', 123), 'bad_date'], // 30 February
    [makeId('341324', '20151301', 123), 'bad_date'], // month 13
    [makeId('341324', '18991231', 123), 'bad_date'], // before 1900
    [makeId('341324', '20260916', 123), 'bad_date'], // after the as-of date
    [withWrongCheck(valid), 'bad_checksum'],
    [valid, 'valid'],
  ])('%s → %s', (raw, state) => {
    expect(normalizeIdNumber(raw, AS_OF).state).toBe(state);
  });

  it('tests the region before the date, and the date before the checksum', () => {
    expect(normalizeIdNumber(withWrongCheck(makeId('001324', '20150230', 1)), AS_OF).state).toBe('bad_region');
    expect(normalizeIdNumber(withWrongCheck(makeId('341324', '20150230', 1)), AS_OF).state).toBe('bad_date');
  });

  it('accepts a birth date on the as-of day and not the day after', () => {
    expect(normalizeIdNumber(makeId('341324', '20260915', 1), AS_OF).state).toBe('valid');
    expect(normalizeIdNumber(makeId('341324', '20260916', 1), AS_OF).state).toBe('bad_date');
  });

  it('accepts 29 February only in a leap year', () => {
    expect(normalizeIdNumber(makeId('341324', '20160229', 1), AS_OF).state).toBe('valid');
    expect(normalizeIdNumber(makeId('341324', '20150229', 1), AS_OF).state).toBe('bad_date');
  });
});

describe('normalizeIdNumber: province codes of SPEC §2', () => {
  const valid = [11, 15, 21, 23, 31, 37, 41, 46, 50, 54, 61, 65, 71, 81, 82, 91];
  const invalid = [10, 16, 20, 24, 30, 38, 40, 47, 49, 55, 60, 66, 70, 72, 80, 83, 90, 92, 99];
  it.each(valid)('%i is a province', (code) => {
    expect(normalizeIdNumber(makeId(`${code}1324`, '20150305', 1), AS_OF).state).toBe('valid');
  });
  it.each(invalid)('%i is not', (code) => {
    expect(normalizeIdNumber(makeId(`${code}1324`, '20150305', 1), AS_OF).state).toBe('bad_region');
  });
});

describe('normalizeIdNumber: what normalisation removes', () => {
  const id = '11010519491231002X';
  it.each([
    ['full-width digits and X', '１１０１０５１９４９１２３１００２Ｘ'],
    ['lower-case x', '11010519491231002x'],
    ['spaces inside', '110105 19491231 002X'],
    ['surrounding white space and a tab', ' \t11010519491231002X '],
    ['an ideographic space', '110105\u300019491231002X'],
    ['a zero-width space', '110105\u200B19491231002X'],
    ['the apostrophe Excel uses to keep text', "'11010519491231002X"],
    ['the ="…" formula exports use to keep text', '="11010519491231002X"'],
  ])('%s', (_what, raw) => {
    expect(normalizeIdNumber(raw, AS_OF)).toMatchObject({ state: 'valid', value: id });
  });
});

describe('15-digit numbers', () => {
  it('get "19" before the year and a check character', () => {
    expect(convert15('110105491231002')).toBe('11010519491231002X');
    expect(normalizeIdNumber('110105491231002', AS_OF)).toMatchObject({ state: 'valid', value: '11010519491231002X', birth: 19491231 });
  });

  it('are validated after conversion', () => {
    expect(normalizeIdNumber('000105491231002', AS_OF).state).toBe('bad_region');
    expect(normalizeIdNumber('110105490231002', AS_OF).state).toBe('bad_date');
  });
});

describe('numbers a spreadsheet destroyed (SPEC §2)', () => {
  it('scientific notation in a text cell is malformed, and says why', () => {
    expect(normalizeIdNumber('3.41324E+17', AS_OF)).toMatchObject({ state: 'malformed', note: 'scientific_notation' });
    expect(normalizeIdNumber('3.41324e17', AS_OF)).toMatchObject({ state: 'malformed', note: 'scientific_notation' });
  });

  it('an 18-digit number in a numeric cell lost its digits', () => {
    const result = normalizeIdFromNumber(341324201503051234, AS_OF);
    expect(result).toMatchObject({ state: 'malformed', note: 'numeric_cell', value: '3.41324201503051E+17' });
  });

  it('a 15-digit number in a numeric cell is exact and converts', () => {
    expect(normalizeIdFromNumber(110105491231002, AS_OF)).toMatchObject({ state: 'valid', value: '11010519491231002X' });
  });

  it('any other number is malformed', () => {
    expect(normalizeIdFromNumber(12345, AS_OF)).toMatchObject({ state: 'malformed', value: '12345' });
  });

  it('18 digits ending in 000 with a wrong check digit are what a spreadsheet writes of a number: malformed, digits lost', () => {
    // 341324201503052345 kept to 15 significant digits, as Excel saves a numeric cell to CSV (the check digit would be 3).
    const rounded = '341324201503052000';
    expect(normalizeIdNumber(rounded, AS_OF)).toMatchObject({ state: 'malformed', note: 'numeric_cell', value: rounded });
    expect(normalizeIdNumber(` ${rounded}`, AS_OF)).toMatchObject({ state: 'malformed', note: 'numeric_cell' });
  });

  it('an ID ending in 000 whose check digit holds may be real and stays valid', () => {
    const real = makeId('341324', '20150305', 100);
    expect(real).toBe('341324201503051000');
    expect(normalizeIdNumber(real, AS_OF)).toMatchObject({ state: 'valid', note: '' });
  });

  it('a wrong check digit that does not end in 000 stays bad_checksum, without a note', () => {
    expect(normalizeIdNumber('341324201503051001', AS_OF)).toMatchObject({ state: 'bad_checksum', note: '' });
    expect(normalizeIdNumber('341324201503050100', AS_OF)).toMatchObject({ state: 'bad_checksum', note: '' });
  });
});

describe('implied gender and birth date', () => {
  it('reads the 17th digit: odd is male', () => {
    expect(normalizeIdNumber(makeId('341324', '20150305', 121), AS_OF)).toMatchObject({ gender: 'M', birth: 20150305 });
    expect(normalizeIdNumber(makeId('341324', '20150305', 122), AS_OF)).toMatchObject({ gender: 'F', birth: 20150305 });
  });

  it('implies nothing from an invalid ID', () => {
    expect(normalizeIdNumber(withWrongCheck(makeId('341324', '20150305', 121)), AS_OF)).toMatchObject({ gender: null, birth: 0 });
  });
});

describe('documents other than a resident ID card', () => {
  it('are folded but never validated', () => {
    expect(normalizeIdNumber(' e1234567 ', AS_OF, false)).toMatchObject({ state: 'other_document', value: 'E1234567' });
    expect(normalizeIdNumber('', AS_OF, false).state).toBe('empty');
  });
});
