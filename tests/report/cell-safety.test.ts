import { describe, expect, it } from 'vitest';
import { csvFile, csvText, neutraliseFormula } from '../../src/report/index.js';

describe('neutraliseFormula (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://127.0.0.1/x","点我")', `'=HYPERLINK("http://127.0.0.1/x","点我")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('%s → %s', (value, safe) => {
    expect(neutraliseFormula(value)).toBe(safe);
  });

  it.each(['张伟', '341324201503051234', '2015-03-05', 'a=b', ''])('leaves %s alone', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });
});

describe('csvText and csvFile', () => {
  it('quotes commas, quotes and line breaks, and neutralises every cell', () => {
    expect(csvText([['a,b', 'say "hi"', 'two\nlines', '=1+1', 3]])).toBe(`"a,b","say ""hi""","two\nlines",'=1+1,3\r\n`);
  });

  it('starts a report CSV with a BOM', () => {
    expect(csvFile([['姓名'], ['张伟']])).toBe('\uFEFF姓名\r\n张伟\r\n');
  });

  it('writes an export as it is when asked (the generator)', () => {
    expect(csvText([['=1+1', 'x']], { asWritten: true, eol: '\n' })).toBe('=1+1,x\n');
  });
});

describe('ID columns that survive a spreadsheet (SPEC §7)', () => {
  it('puts a tab inside the quoted field of an ID column, and only there', () => {
    const text = csvText([['张伟', '341324201503051234', 'G341324201503051234']], { textColumns: new Set([1, 2]) });
    expect(text).toBe('张伟,"\t341324201503051234","\tG341324201503051234"\r\n');
  });

  it.each([
    ['341324********1234', '"\t341324********1234"'],
    ['=1+1', "'=1+1"],
    ['\t=cmd', `"'\t=cmd"`],
    ['3.41324201503051E+17', '3.41324201503051E+17'],
    ['', ''],
  ])('writes %j in an ID column as %j', (value, written) => {
    expect(csvText([[value]], { textColumns: new Set([0]) }).trimEnd()).toBe(written);
  });
});
