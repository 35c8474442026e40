import { pinyin } from 'pinyin-pro';

// The generator's own reading of SPEC §2 and GB 11643, written apart from
// src/normalize on purpose (issue #9, STYLE 17): truth.json must follow from what
// the generator meant, so that a mistake in a production normaliser makes the
// accuracy gate fail instead of moving the truth along with it.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The ISO 7064 MOD 11-2 check character of 17 digits. */
export function checkCharacter(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (WEIGHTS[i] as number);
  return '10X98765432'[sum % 11] as string;
}

export function hasValidChecksum(id: string): boolean {
  return id.length === 18 && /^\d{17}[\dX]$/.test(id) && checkCharacter(id.slice(0, 17)) === id[17];
}

export function checksumWeightAt(position: number): number {
  return WEIGHTS[position] as number;
}

/** Inverses modulo 11 (for the second digit of a two-digit change that keeps the checksum). */
export const INVERSE_MOD_11 = [0, 1, 6, 4, 3, 9, 2, 8, 7, 5, 10];

export type NameRelation = 'equal' | 'sound_alike' | 'different';

/**
 * Two names the generator wrote, compared as SPEC §2 says: equal when identical
 * (generated names are already simplified, one separator dot), alike when their
 * toneless pinyin is identical syllable by syllable.
 */
export function relateNames(a: string, b: string): NameRelation {
  if (a === b) return 'equal';
  const [x, y] = [a.replaceAll('·', ''), b.replaceAll('·', '')];
  if (x.length !== y.length) return 'different';
  const read = (name: string) => pinyin(name, { toneType: 'none', type: 'array', surname: 'head' }).join(' ').toLowerCase();
  return read(x) === read(y) ? 'sound_alike' : 'different';
}
