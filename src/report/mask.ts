// --mask-ids: keep the first 6 and the last 4 characters of every ID number
// (341324********1234) in the human-facing files, wherever an ID stands: in an ID
// column, or inside another value such as a G-prefixed student number.

/** An ID-shaped run: 6 digits, then 9 to 12 digits or X, not part of a longer run. */
const ID_INSIDE = /(?<![0-9Xx])(\d{6})([0-9Xx]{5,8})([0-9Xx]{4})(?![0-9Xx])/g;

export function maskIdField(id: string): string {
  if (id.length > 10) return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
  return '*'.repeat(id.length);
}

export function maskIdsInText(text: string): string {
  return text.replace(ID_INSIDE, (_all, head: string, middle: string, tail: string) => head + '*'.repeat(middle.length) + tail);
}

export interface Masker {
  /** A value that is an ID number (possibly malformed). */
  id(value: string): string;
  /** Any other text, which may contain an ID. */
  text(value: string): string;
}

export function masker(maskIds: boolean): Masker {
  return maskIds ? { id: maskIdField, text: maskIdsInText } : { id: (v) => v, text: (v) => v };
}
