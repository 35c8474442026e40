import { CATEGORIES, REASONS, type Case, type Category, type Reason } from '../domain/index.js';
import type { TruthCase } from './truth.js';

/** How the cases of a run compare with truth.json, per category. */
export interface AccuracyRow {
  category: Category;
  expected: number;
  found: number;
  correct: number;
  precision: number;
  recall: number;
  /** Matched cases whose reasons differ. */
  reasonsWrong: number;
  /** Matched cases whose suggested_id differs. */
  suggestedWrong: number;
}

/** The same per reason: a case counts for each reason it carries. */
export interface ReasonRow {
  reason: Reason;
  expected: number;
  found: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface Accuracy {
  rows: AccuracyRow[];
  reasons: ReasonRow[];
  /** A few keys of what was missed or extra, for a failing test to show (source:row, never a name). */
  missed: string[];
  extra: string[];
}

/** A case is matched by its category and the source row it is about. */
export function measureAccuracy(cases: readonly Case[], truth: readonly TruthCase[]): Accuracy {
  const keyOf = (category: string, source: string, row: number) => `${category} ${source}:${row}`;
  const expected = new Map(truth.map((t) => [keyOf(t.category, t.source, t.row), t]));
  const found = new Map(cases.map((c) => [keyOf(c.category, c.records[0]!.source, c.records[0]!.row), c]));
  const missed = [...expected.keys()].filter((key) => !found.has(key));
  const extra = [...found.keys()].filter((key) => !expected.has(key));
  const rows = CATEGORIES.map((category) => {
    const mine = [...found].filter(([, c]) => c.category === category);
    const theirs = [...expected].filter(([, t]) => t.category === category);
    let correct = 0;
    let reasonsWrong = 0;
    let suggestedWrong = 0;
    for (const [key, c] of mine) {
      const t = expected.get(key);
      if (!t) continue;
      correct++;
      if ([...c.reasons].sort().join() !== [...t.reasons].sort().join()) reasonsWrong++;
      if (c.suggested_id !== t.suggested_id) suggestedWrong++;
    }
    return {
      category,
      expected: theirs.length,
      found: mine.length,
      correct,
      precision: mine.length === 0 ? 1 : correct / mine.length,
      recall: theirs.length === 0 ? 1 : correct / theirs.length,
      reasonsWrong,
      suggestedWrong,
    };
  });
  const reasons = REASONS.map((reason) => {
    const mine = [...found].filter(([, c]) => (c.reasons as readonly Reason[]).includes(reason));
    const theirs = [...expected].filter(([, t]) => t.reasons.includes(reason));
    const correct = mine.filter(([key]) => expected.get(key)?.reasons.includes(reason)).length;
    return {
      reason,
      expected: theirs.length,
      found: mine.length,
      correct,
      precision: mine.length === 0 ? 1 : correct / mine.length,
      recall: theirs.length === 0 ? 1 : correct / theirs.length,
    };
  });
  return { rows, reasons, missed: missed.slice(0, 20), extra: extra.slice(0, 20) };
}

export function renderAccuracy(accuracy: Accuracy): string {
  const header = 'category                  expected  found  correct  precision  recall  reasons≠  suggested≠';
  const lines = accuracy.rows.map(
    (row) =>
      `${row.category.padEnd(24)}  ${String(row.expected).padStart(8)}  ${String(row.found).padStart(5)}  ${String(row.correct).padStart(7)}  ${row.precision.toFixed(4).padStart(9)}  ${row.recall.toFixed(4).padStart(6)}  ${String(row.reasonsWrong).padStart(8)}  ${String(row.suggestedWrong).padStart(10)}`,
  );
  const reasonLines = accuracy.reasons.map((row) => {
    const counts = `${String(row.expected).padStart(8)}  ${String(row.found).padStart(5)}  ${String(row.correct).padStart(7)}`;
    return `  ${row.reason.padEnd(22)}  ${counts}  ${row.precision.toFixed(4).padStart(9)}  ${row.recall.toFixed(4).padStart(6)}`;
  });
  lines.push('reason', ...reasonLines);
  const extra = accuracy.extra.length ? [`extra: ${accuracy.extra.join(', ')}`] : [];
  const missed = accuracy.missed.length ? [`missed: ${accuracy.missed.join(', ')}`] : [];
  return [header, ...lines, ...missed, ...extra].join('\n');
}
