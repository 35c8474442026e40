import { describe, expect, it } from 'vitest';
import { INVALID_DATE, parseDateCell, parseDateText } from '../../src/normalize/index.js';

describe('parseDateText: every spelling of SPEC §2', () => {
  it.each([
    ['2014-03-05', 20140305],
    ['2014/3/5', 20140305],
    ['2014/03/05', 20140305],
    ['2014.03.05', 20140305],
    ['2014.3.5', 20140305],
    ['20140305', 20140305],
    ['2014年3月5日', 20140305],
    ['2014年03月05日', 20140305],
    ['２０１４－０３－０５', 20140305],
    [' 2014-03-05 ', 20140305],
    ['2014-03-05 00:00:00', 20140305],
    ['2016-02-29', 20160229],
    ['', 0],
    ['  ', 0],
  ])('%s → %i', (text, day) => {
    expect(parseDateText(text)).toBe(day);
  });

  it.each([
    '2014-02-30',
    '2015-02-29',
    '2014-13-01',
    '2014-00-10',
    '2014-03-00',
    '2014-03-32',
    '1899-12-31',
    '2014-03/05',
    '2014年3月',
    '03/05/2014',
    '140305',
    '41703',
    'unknown',
    '不详',
  ])('%s cannot be read', (text) => {
    expect(parseDateText(text)).toBe(INVALID_DATE);
  });
});

describe('parseDateCell', () => {
  it('reads the calendar day of a workbook date in UTC', () => {
    expect(parseDateCell(new Date(Date.UTC(2014, 2, 5)))).toBe(20140305);
  });

  it('rejects an invalid Date', () => {
    expect(parseDateCell(new Date(Number.NaN))).toBe(INVALID_DATE);
  });
});
