import { isRealDate, type Gender, type IdState } from '../domain/index.js';
import { foldText } from './text.js';

// SPEC §2 "ID number", GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit
// sequence (odd = male), ISO 7064 MOD 11-2 check character.

export interface NormalizedId {
  readonly state: IdState;
  /** 18 characters when well formed (a 15-digit number is converted), else the folded text. */
  readonly value: string;
  /** yyyymmdd, only for a valid ID; else 0. */
  readonly birth: number;
  readonly gender: Gender | null;
  /** Why a number is malformed when a spreadsheet destroyed it. */
  readonly note: '' | 'numeric_cell' | 'scientific_notation';
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** SPEC §2: province codes 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82, 91. */
const PROVINCES = new Set<number>([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
  91,
]);

/** The check character for the first 17 digits of `id` (which must be digits). */
export function checkCharFor(id: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Weight of digit position i (0-based) in the MOD 11-2 sum. */
export function checksumWeight(position: number): number {
  return WEIGHTS[position]!;
}

export function isChecksumValid(id: string): boolean {
  return id.length === 18 && checkCharFor(id) === id[17];
}

const NOT_RESIDENT: NormalizedId = { state: 'other_document', value: '', birth: 0, gender: null, note: '' };

/**
 * Normalises and validates an ID number as text (SPEC §2). `asOf` (yyyymmdd) is
 * the latest possible birth date. `resident` is false for passports and other
 * documents (SPEC §2 `id_type`): those are only folded, never validated.
 */
export function normalizeIdNumber(raw: string, asOf: number, resident = true): NormalizedId {
  if (resident && isPlainId(raw)) return unlessRounded(validateId18(raw.charCodeAt(17) === 120 ? raw.toUpperCase() : raw, asOf));
  const value = unwrapSpreadsheetText(foldText(raw).toUpperCase());
  if (value === '') return { state: 'empty', value, birth: 0, gender: null, note: '' };
  if (!resident) return { ...NOT_RESIDENT, value };
  if (/^\d(\.\d+)?E\+?\d+$/.test(value)) return malformed(value, 'scientific_notation');
  if (value.length === 15 && /^\d{15}$/.test(value)) return validateId18(convert15(value), asOf);
  if (!/^\d{17}[\dX]$/.test(value)) return malformed(value, '');
  return unlessRounded(validateId18(value, asOf));
}

/**
 * SPEC §2: 16+ digits that lost precision are malformed. A spreadsheet keeps 15
 * significant digits of a number and writes the rest as zeros (341324201503052000 in
 * a CSV saved from a numeric cell). Such an ID whose check digit fails lost its
 * digits; one whose check digit holds may be real (about 1 ID in 1,100 ends in 000)
 * and stays valid (docs/DECISIONS.md).
 */
function unlessRounded(id: NormalizedId): NormalizedId {
  return id.state === 'bad_checksum' && id.value.endsWith('000') ? malformed(id.value, 'numeric_cell') : id;
}

/**
 * An ID that a spreadsheet stored in a numeric cell (SPEC §2): up to 15 digits a
 * double holds exactly (an old 15-digit number survives); 16 and more lost digits.
 */
export function normalizeIdFromNumber(cell: number, asOf: number): NormalizedId {
  if (Number.isInteger(cell) && cell >= 0 && cell < 1e15) {
    const digits = String(cell);
    if (digits.length === 15) return normalizeIdNumber(digits, asOf);
    return malformed(digits, 'numeric_cell');
  }
  // Shown as Excel shows it (3.41324201503051E+17): plainly not an ID any more.
  const shown = Number.isInteger(cell) && cell >= 1e15 ? cell.toPrecision(15).toUpperCase() : String(cell);
  return malformed(shown, 'numeric_cell');
}

/** GB 11643: a 15-digit number gets "19" before its 2-digit year and a check character. */
export function convert15(id15: string): string {
  const body = id15.slice(0, 6) + '19' + id15.slice(6);
  return body + checkCharFor(body);
}

function validateId18(id: string, asOf: number): NormalizedId {
  const province = (id.charCodeAt(0) - 48) * 10 + (id.charCodeAt(1) - 48);
  if (!PROVINCES.has(province)) return { state: 'bad_region', value: id, birth: 0, gender: null, note: '' };
  const year = digitsAt(id, 6, 4);
  const month = digitsAt(id, 10, 2);
  const day = digitsAt(id, 12, 2);
  const birth = year * 10000 + month * 100 + day;
  if (year < 1900 || !isRealDate(year, month, day) || birth > asOf) {
    return { state: 'bad_date', value: id, birth: 0, gender: null, note: '' };
  }
  if (checkCharFor(id) !== id[17]) return { state: 'bad_checksum', value: id, birth: 0, gender: null, note: '' };
  const gender: Gender = (id.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F';
  return { state: 'valid', value: id, birth, gender, note: '' };
}

function malformed(value: string, note: NormalizedId['note']): NormalizedId {
  return { state: 'malformed', value, birth: 0, gender: null, note };
}

function digitsAt(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

/** Fast path: 18 ASCII characters, 17 digits then a digit or x/X, nothing to fold. */
function isPlainId(raw: string): boolean {
  if (raw.length !== 18) return false;
  for (let i = 0; i < 17; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const last = raw.charCodeAt(17);
  return (last >= 48 && last <= 57) || last === 88 || last === 120;
}

/**
 * Exports force Excel to keep an ID as text with a leading apostrophe or as the
 * formula ="…"; both wrappers are removed (a decision recorded in docs/DECISIONS.md).
 */
function unwrapSpreadsheetText(value: string): string {
  if (value.startsWith("'")) return value.slice(1);
  const formula = /^="(.*)"$/.exec(value);
  return formula ? formula[1]! : value;
}
