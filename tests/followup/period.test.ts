import { describe, expect, it } from 'vitest';
import { parseMonth, parseQuarter } from '../../src/followup/index.js';

describe('report periods (SPEC §9)', () => {
  it('a month runs from its first to its last day', () => {
    expect(parseMonth('2026-09')).toEqual({ kind: 'month', label: '2026-09', from: '2026-09-01', to: '2026-09-30' });
    expect(parseMonth('2028-02').to).toBe('2028-02-29');
  });

  it('a quarter is three months', () => {
    expect(parseQuarter('2026Q3')).toEqual({ kind: 'quarter', label: '2026Q3', from: '2026-07-01', to: '2026-09-30' });
    expect(parseQuarter('2026q1')).toMatchObject({ label: '2026Q1', from: '2026-01-01', to: '2026-03-31' });
  });

  it.each(['2026-13', '2026-9', '26-09', 'September'])('refuses the month %j (exit 2)', (text) => {
    expect(() => parseMonth(text)).toThrow(expect.objectContaining({ code: 'usage' }));
  });

  it.each(['2026Q5', '2026-Q3', 'Q3'])('refuses the quarter %j (exit 2)', (text) => {
    expect(() => parseQuarter(text)).toThrow(expect.objectContaining({ code: 'usage' }));
  });
});
