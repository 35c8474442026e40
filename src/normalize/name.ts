import { Converter } from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';
import { foldText } from './text.js';

// SPEC §2 "Name": NFKC, no white space, one separator dot, simplified characters,
// upper-case Latin letters. Two names are equal when these forms are identical,
// and sound alike when their toneless pinyin is identical.

/** The separators SPEC §2 folds into U+00B7, as they look after NFKC. */
const SEPARATORS = /[·•・･.．‧∙⋅]/g;
const DOT = '·';

const toSimplified = Converter({ from: 't', to: 'cn' });

/**
 * Per BMP code point: 0 not yet looked at, 1 unchanged by OpenCC, 2 traditional.
 * Most names need no conversion at all, and this tells so without calling OpenCC.
 */
const conversion = new Uint8Array(0x10000);

export function normalizeName(raw: string): string {
  if (isPlainName(raw)) return raw;
  let name = foldText(raw).replace(SEPARATORS, DOT).toUpperCase();
  if (needsSimplifying(name)) name = toSimplified(name);
  return name;
}

/**
 * Nothing to fold: only CJK ideographs already simplified and upper-case letters.
 * (A surrogate pair or any other character takes the full path.)
 */
function isPlainName(raw: string): boolean {
  if (raw.length === 0) return true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (isTraditional(c)) return false;
    } else if (!(c >= 65 && c <= 90)) {
      return false;
    }
  }
  return true;
}

function needsSimplifying(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true; // astral ideographs: let OpenCC decide
    if (c >= 0x2e80 && isTraditional(c)) return true;
  }
  return false;
}

function isTraditional(code: number): boolean {
  let state = conversion[code]!;
  if (state === 0) {
    const ch = String.fromCharCode(code);
    state = toSimplified(ch) === ch ? 1 : 2;
    conversion[code] = state;
  }
  return state === 2;
}

const soundKeys = new Map<string, string>();

/**
 * Toneless pinyin of a normalised name, a syllable a character, separators left
 * out (张伟 and 张玮 both give "zhang wei"). Surnames read as surnames (单 → shan).
 * Cached: it is only asked for the few pairs the linking rules compare.
 */
export function soundKey(normalizedName: string): string {
  let key = soundKeys.get(normalizedName);
  if (key === undefined) {
    key = pinyin(withoutSeparators(normalizedName), { toneType: 'none', type: 'array', surname: 'head' })
      .map((syllable) => syllable.toLowerCase())
      .join(' ');
    soundKeys.set(normalizedName, key);
  }
  return key;
}

function withoutSeparators(name: string): string {
  return name.includes(DOT) ? name.replaceAll(DOT, '') : name;
}

/** SPEC §2: equal names, else names that sound alike, else neither. */
export type NameAgreement = 'equal' | 'sound_alike' | 'different';

export function compareNames(a: string, b: string): NameAgreement {
  if (a === b) return 'equal';
  if (!a || !b) return 'different';
  // A syllable a character: names of different lengths cannot sound alike.
  if (withoutSeparators(a).length !== withoutSeparators(b).length) return 'different';
  return soundKey(a) === soundKey(b) ? 'sound_alike' : 'different';
}
