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
  /** Matched cases whose focus-group flags, review candidates or differences are not the planted ones. */
  flagsWrong: number;
  candidatesWrong: number;
  differencesWrong: number;
  /** Cases reported twice (same category and record): each copy after the first counts against precision. */
  duplicates: number;
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

/**
 * A case is matched by its category and the source row it is about. Found cases
 * are a list, not a map: a case reported twice counts once as correct and once
 * against precision.
 */
export function measureAccuracy(cases: readonly Case[], truth: readonly TruthCase[]): Accuracy {
  const keyOf = (category: string, source: string, row: number) => `${category} ${source}:${row}`;
  const expected = new Map(truth.map((t) => [keyOf(t.category, t.source, t.row), t]));
  const found = cases.map((c) => [keyOf(c.category, c.records[0]?.source ?? '', c.records[0]?.row ?? 0), c] as const);
  const foundKeys = new Set(found.map(([key]) => key));
  const missed = [...expected.keys()].filter((key) => !foundKeys.has(key));
  const extra = found.map(([key]) => key).filter((key) => !expected.has(key));
  const rows = CATEGORIES.map((category) => {
    const mine = found.filter(([, c]) => c.category === category);
    const theirs = [...expected].filter(([, t]) => t.category === category);
    const counted = new Set<string>();
    let correct = 0;
    let duplicates = 0;
    const wrong = { reasons: 0, suggested: 0, flags: 0, candidates: 0, differences: 0 };
    for (const [key, c] of mine) {
      const t = expected.get(key);
      if (!t) continue;
      if (counted.has(key)) {
        duplicates++;
        continue;
      }
      counted.add(key);
      correct++;
      if (!sameSet(c.reasons, t.reasons)) wrong.reasons++;
      if (c.suggested_id !== t.suggested_id) wrong.suggested++;
      if (!sameSet(c.flags, t.flags)) wrong.flags++;
      const candidateRows = c.candidates.filter((x) => x.source === 'household').map((x) => x.row);
      if (t.candidates.length > 0 && !sameSet(candidateRows.map(String), t.candidates.map(String))) wrong.candidates++;
      if (category === 'identity_mismatch' && JSON.stringify(c.differences) !== JSON.stringify(t.differences)) wrong.differences++;
    }
    return {
      category,
      expected: theirs.length,
      found: mine.length,
      correct,
      precision: mine.length === 0 ? 1 : correct / mine.length,
      recall: theirs.length === 0 ? 1 : correct / theirs.length,
      reasonsWrong: wrong.reasons,
      suggestedWrong: wrong.suggested,
      flagsWrong: wrong.flags,
      candidatesWrong: wrong.candidates,
      differencesWrong: wrong.differences,
      duplicates,
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

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return [...a].sort().join() === [...b].sort().join();
}

export function renderAccuracy(accuracy: Accuracy): string {
  const header =
    'category                  expected  found  correct  precision  recall  reasons≠  suggested≠  flags≠  candidates≠  differences≠';
  const lines = accuracy.rows.map(
    (row) =>
      `${row.category.padEnd(24)}  ${String(row.expected).padStart(8)}  ${String(row.found).padStart(5)}  ${String(row.correct).padStart(7)}  ${row.precision.toFixed(4).padStart(9)}  ${row.recall.toFixed(4).padStart(6)}  ${String(row.reasonsWrong).padStart(8)}  ${String(row.suggestedWrong).padStart(10)}  ${String(row.flagsWrong).padStart(6)}  ${String(row.candidatesWrong).padStart(11)}  ${String(row.differencesWrong).padStart(12)}`,
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
