// SPEC §9: packs/乡镇/<township>.xlsx and packs/学校/<school>.xlsx. A name comes
// from the data: it must make a file name Windows accepts (the packs are opened
// on the townships' Windows machines), and two units must never share a file.

const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
/** Windows keeps a whole path under 260 characters; a unit's name rarely needs 80. */
const MAX_LENGTH = 80;

/** A file name (without extension) for `name`; `unnamed` when the data leaves it empty. */
export function packFileName(name: string, unnamed: string): string {
  let safe = name
    .normalize('NFC')
    .replace(FORBIDDEN, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (safe === '') return unnamed;
  if (RESERVED.test(safe)) safe = `_${safe}`;
  return [...safe].slice(0, MAX_LENGTH).join('');
}

/**
 * File names for every unit, in the order given: two names that become the same
 * file name (a/b and a_b, or names that differ only in case, which Windows treats
 * as one file) get -2, -3 … in that order.
 */
export function packFileNames(names: readonly string[], unnamed: string): Map<string, string> {
  const files = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of names) {
    const base = packFileName(name, unnamed);
    let file = base;
    for (let n = 2; taken.has(file.toLowerCase()); n++) file = `${base}-${n}`;
    taken.add(file.toLowerCase());
    files.set(name, file);
  }
  return files;
}
