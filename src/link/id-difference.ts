/** How two 18-character ID numbers differ, when they differ as SPEC §4 `id_fuzzy` allows. */
export interface IdDifference {
  readonly kind: 'one_substitution' | 'transposition' | 'two_substitutions';
  /** 1-based positions that differ. */
  readonly positions: readonly number[];
  /** For a clerk: "digit 14 differs", "digits 11–12 transposed", "digits 9 and 14 differ". */
  readonly text: string;
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
  if (differ.length === 1) {
    const p = differ[0]!;
    return { kind: 'one_substitution', positions: [p + 1], text: p === 17 ? 'check character differs' : `digit ${p + 1} differs` };
  }
  if (differ.length !== 2) return null;
  const [p, q] = differ as [number, number];
  if (q === p + 1 && a[p] === b[q] && a[q] === b[p]) {
    return { kind: 'transposition', positions: [p + 1, q + 1], text: `digits ${p + 1}–${q + 1} transposed` };
  }
  return { kind: 'two_substitutions', positions: [p + 1, q + 1], text: `digits ${p + 1} and ${q + 1} differ` };
}
