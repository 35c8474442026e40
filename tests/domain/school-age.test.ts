import { describe, expect, it } from 'vitest';
import { ageOn, isSchoolAge, referenceDayFor } from '../../src/domain/index.js';

const RANGE = { min: 6, max: 15 };

describe('referenceDayFor (SPEC §3)', () => {
  it.each([
    [20261129, 20260831],
    [20270301, 20260831],
    [20260901, 20260831],
    [20260831, 20250831],
    [20260101, 20250831],
  ])('as of %i the reference day is %i', (asOf, reference) => {
    expect(referenceDayFor(asOf)).toBe(reference);
  });
});

describe('isSchoolAge on reference day 2026-08-31', () => {
  const R = 20260831;
  it.each([
    [20200831, true], // six on the reference day itself
    [20200901, false], // the day after: still five
    [20100901, true], // fifteen: sixteen only on 1 September
    [20100831, false], // sixteen on the reference day
    [20200229, true],
    [20150305, true],
    [0, false], // no birth date
  ])('born %i → %s', (birth, schoolAge) => {
    expect(isSchoolAge(birth, R, RANGE)).toBe(schoolAge);
  });

  it('counts completed years', () => {
    expect(ageOn(20200831, R)).toBe(6);
    expect(ageOn(20200901, R)).toBe(5);
    expect(ageOn(20160229, 20200228)).toBe(3);
    expect(ageOn(20160229, 20200229)).toBe(4);
  });

  it('follows a configured range', () => {
    expect(isSchoolAge(20200901, R, { min: 5, max: 15 })).toBe(true);
  });
});
