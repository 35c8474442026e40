import type { Gender } from '../domain/index.js';

// SPEC §2 "Gender": 男/女, GB/T 2261.1 codes 1/2 (0 unknown, 9 unstated), M/F.

const GENDERS: ReadonlyMap<string, Gender | null> = new Map<string, Gender | null>([
  ['男', 'M'],
  ['男性', 'M'],
  ['1', 'M'],
  ['M', 'M'],
  ['MALE', 'M'],
  ['女', 'F'],
  ['女性', 'F'],
  ['2', 'F'],
  ['F', 'F'],
  ['FEMALE', 'F'],
  ['', null],
  ['0', null],
  ['9', null],
  ['未知', null],
  ['未知的性别', null],
  ['未说明', null],
  ['未说明的性别', null],
]);

/** The gender a text states; `undefined` when the text is not one SPEC §2 knows. */
export function parseGender(raw: string): Gender | null | undefined {
  const text = raw.trim();
  const known = GENDERS.get(text);
  if (known !== undefined || GENDERS.has(text)) return known;
  const folded = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return GENDERS.has(folded) ? GENDERS.get(folded)! : undefined;
}
