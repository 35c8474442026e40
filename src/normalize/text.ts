// Shared text helpers for normalisers: NFKC folding and white-space removal.

/** Any white space, plus the zero-width characters that spreadsheets leave behind. */
const WHITE_SPACE = /[\s\u200B-\u200D\u2060\uFEFF]+/g;

/** NFKC (full-width → ASCII, compatibility forms) then remove all white space. */
export function foldText(text: string): string {
  return isFolded(text) ? text : text.normalize('NFKC').replace(WHITE_SPACE, '');
}

/**
 * True when NFKC and white-space removal cannot change the text: printable ASCII
 * other than space, and CJK unified ideographs. Almost every cell of an export
 * passes, which saves a normalize() and a replace() per cell at a million rows.
 */
function isFolded(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue;
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    return false;
  }
  return true;
}

/**
 * A copy of `text` that does not keep the string it was sliced from alive. Fields
 * are sliced out of 1 MB decoded chunks, and V8 would otherwise hold every chunk for
 * as long as one 18-character ID from it is kept. V8 copies substrings shorter than
 * 13 characters; a longer one is rebuilt from such pieces and flattened into one
 * string of its own (measured: 50 bytes an ID, against 82 for a slice of a copy).
 */
export function detach(text: string): string {
  if (text.length < 13) return text;
  let copy = '';
  for (let i = 0; i < text.length; i += 12) copy += text.slice(i, i + 12);
  copy.charCodeAt(0);
  return copy;
}

/** Keeps one copy of each repeated value (township, school, status) in memory. */
export class Interner {
  private readonly values = new Map<string, string>();

  intern(text: string): string {
    if (text === '') return '';
    let kept = this.values.get(text);
    if (kept === undefined) {
      kept = detach(text);
      this.values.set(kept, kept);
    }
    return kept;
  }
}
