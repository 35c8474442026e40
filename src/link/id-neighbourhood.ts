import { checksumWeight } from '../normalize/index.js';
import { IdKeyTable, restDigits } from '../normalize/index.js';

// SPEC §4 `id_fuzzy`: the IDs differ by one substituted character, one adjacent
// transposition, or (both checksum-valid) two substituted characters. Instead of
// 18 masked keys per indexed ID (18 million keys at county scale), the few query IDs
// that found no exact match enumerate the keys of their possible neighbours and
// look each up: about 1,300 numeric lookups for a valid query, 250 for an invalid one.

/** 10^(16-p): the place value of digit position p (6..16) inside the packed rest. */
const PLACE = Array.from({ length: 17 }, (_, p) => (p >= 6 ? 10 ** (16 - p) : 0));
/** Inverses modulo 11, for solving the checksum of a two-digit change. */
const INVERSE_MOD_11 = [0, 1, 6, 4, 3, 9, 2, 8, 7, 5, 10];

/**
 * Visits the key of every valid ID that may be a neighbour of `query` (18
 * characters: digits, possibly one stray character, and a check character).
 * Keys can repeat; the caller compares the IDs it finds with describeIdDifference.
 */
export function forEachNeighbourKey(query: string, queryChecksumValid: boolean, table: IdKeyTable, visit: (key: number) => void): void {
  if (query.length !== 18) return;
  const digits: number[] = [];
  let stray = -1;
  for (let i = 0; i < 17; i++) {
    const d = query.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      if (stray >= 0) return; // two non-digits: not one edit away from any ID
      stray = i;
    }
    digits.push(d);
  }
  const prefix = query.slice(0, 6);
  const key = (index: number | undefined, rest: number) => {
    if (index !== undefined) visit(index * IdKeyTable.REST + rest);
  };
  const withDigit = (text: string, position: number, digit: number) => text.slice(0, position) + digit + text.slice(position + 1);
  const prefixWith = (changes: [number, number][]): number | undefined => {
    let changed = prefix;
    for (const [position, digit] of changes) changed = withDigit(changed, position, digit);
    return table.prefixIndex(changed);
  };

  if (stray >= 0) {
    // A stray character (an O for a 0): the only one-edit neighbours replace it.
    for (let v = 0; v <= 9; v++) {
      const fixed = query.slice(0, stray) + v + query.slice(stray + 1);
      key(table.prefixIndex(fixed.slice(0, 6)), restDigits(fixed));
    }
    return;
  }

  const ownIndex = table.prefixIndex(prefix);
  const rest = restDigits(query);

  // The same 17 digits: only the check character differs.
  key(ownIndex, rest);

  // One substitution in digits 7–17.
  for (let p = 6; p < 17; p++) {
    for (let v = 0; v <= 9; v++) if (v !== digits[p]) key(ownIndex, rest + (v - digits[p]!) * PLACE[p]!);
  }

  // One substitution in the region prefix; remembered for two-digit changes below.
  const prefixAfter: (number | undefined)[][] = [];
  for (let p = 0; p < 6; p++) {
    prefixAfter[p] = [];
    for (let v = 0; v <= 9; v++) {
      if (v === digits[p]) continue;
      const index = prefixWith([[p, v]]);
      prefixAfter[p]![v] = index;
      key(index, rest);
    }
  }

  // Adjacent transpositions, including the last digit with the check character.
  for (let p = 0; p < 16; p++) {
    const [a, b] = [digits[p]!, digits[p + 1]!];
    if (a === b) continue;
    if (p < 5)
      key(
        prefixWith([
          [p, b],
          [p + 1, a],
        ]),
        rest,
      );
    else if (p === 5) key(prefixWith([[5, b]]), rest + (a - b) * PLACE[6]!);
    else key(ownIndex, rest + (b - a) * PLACE[p]! + (a - b) * PLACE[p + 1]!);
  }
  const check = query.charCodeAt(17) - 48;
  if (check >= 0 && check <= 9 && check !== digits[16]) key(ownIndex, rest + (check - digits[16]!) * PLACE[16]!);

  // Two substitutions that keep the checksum (only between two valid IDs).
  if (!queryChecksumValid) return;
  for (let i = 0; i < 16; i++) {
    for (let vi = 0; vi <= 9; vi++) {
      const di = vi - digits[i]!;
      if (di === 0) continue;
      for (let j = i + 1; j < 17; j++) {
        // w_i·di + w_j·dj ≡ 0 (mod 11)
        const r = (((-checksumWeight(i) * di * INVERSE_MOD_11[checksumWeight(j)]!) % 11) + 11) % 11;
        if (r === 0) continue;
        const vj = digits[j]! + r <= 9 ? digits[j]! + r : digits[j]! + r - 11;
        if (vj < 0 || vj > 9) continue;
        const dj = vj - digits[j]!;
        if (j < 6)
          key(
            prefixWith([
              [i, vi],
              [j, vj],
            ]),
            rest,
          );
        else if (i < 6) key(prefixAfter[i]![vi], rest + dj * PLACE[j]!);
        else key(ownIndex, rest + di * PLACE[i]! + dj * PLACE[j]!);
      }
    }
  }
}
