import { describe, expect, it } from 'vitest';
import { csvLine, neutraliseFormula } from '../../src/report/index.js';

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

describe('csvLine', () => {
  it('quotes commas, quotes and line breaks, and neutralises every cell', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', '=1+1', 3])).toBe(`"a,b","say ""hi""","two\nlines",'=1+1,3`);
  });

  it('writes an export as it is when asked (the generator)', () => {
    expect(csvLine(['=1+1', 'x'], true)).toBe('=1+1,x');
  });
});
