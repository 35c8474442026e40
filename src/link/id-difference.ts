import type { IdComparison } from '../domain/index.js';

/** How two 18-character ID numbers differ, when they differ as SPEC §4 `id_fuzzy` allows. */
export interface IdDifference extends IdComparison {
  readonly level: 'one_substitution' | 'transposition' | 'two_substitutions';
  /** 1-based positions that differ (18: the check character). */
  readonly positions: readonly number[];
}

export function describeIdDifference(a: string, b: string): IdDifference | null {
  if (a.length !== 18 || b.length !== 18) return null;
  const differ: number[] = [];
  for (let i = 0; i < 18; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      differ.push(i);
      if (differ.length > 2) return null;
    }
  }
  const [p, q] = differ;
  if (p === undefined) return null;
  if (q === undefined) return { level: 'one_substitution', positions: [p + 1] };
  if (q === p + 1 && a[p] === b[q] && a[q] === b[p]) return { level: 'transposition', positions: [p + 1, q + 1] };
  return { level: 'two_substitutions', positions: [p + 1, q + 1] };
}
