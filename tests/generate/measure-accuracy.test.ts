import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/index.js';
import { measureAccuracy, type TruthCase } from '../../src/generate/index.js';

const truth: TruthCase = {
  category: 'missing_id',
  reasons: ['id_empty'],
  source: 'registry',
  row: 5,
  suggested_id: null,
  flags: ['junior_middle', 'poverty'],
  candidates: [],
  differences: [],
};

function found(overrides: Partial<Case> = {}): Case {
  return {
    case_id: 'MI-1',
    category: 'missing_id',
    reasons: ['id_empty'],
    flags: ['poverty', 'junior_middle'],
    records: [{ source: 'registry', row: 5, id_number: '', name: '' }],
    suggested_id: null,
    candidates: [],
    differences: [],
    ...overrides,
  } as Case;
}

describe('measureAccuracy', () => {
  const row = (cases: Case[]) => measureAccuracy(cases, [truth]).rows.find((r) => r.category === 'missing_id')!;

  it('scores a matching case as correct, flags in any order', () => {
    expect(row([found()])).toMatchObject({ correct: 1, precision: 1, recall: 1, flagsWrong: 0, duplicates: 0 });
  });

  it('counts a case reported twice against precision', () => {
    expect(row([found(), found()])).toMatchObject({ found: 2, correct: 1, precision: 0.5, duplicates: 1 });
  });

  it('counts wrong flags and reasons', () => {
    expect(row([found({ flags: ['poverty'], reasons: ['id_malformed'] } as Partial<Case>)])).toMatchObject({
      flagsWrong: 1,
      reasonsWrong: 1,
    });
  });
});
