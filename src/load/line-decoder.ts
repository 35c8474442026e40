import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type { Encoding } from '../config/index.js';
import { RollcallError } from '../domain/index.js';

const LF = 0x0a;
const CR = 0x0d;

/**
 * A line of more than this many bytes is not an export row (docs/DECISIONS.md,
 * "Reliability"): reading stops there, in linear time, instead of buffering a
 * 500 MB line.
 */
export const MAX_LINE_BYTES = 1 << 20;

/**
 * Cuts a CSV's bytes into whole lines and decodes them strictly (SPEC §1, §6).
 * A line break byte (LF, CR) is never part of a multi-byte character in UTF-8 or
 * GB18030, so lines can be found before decoding; then:
 * - bytes invalid in the encoding name their line (a file that mixes encodings);
 * - in a file read as GB18030, a line of Chinese that is valid UTF-8 is a UTF-8 line
 *   pasted in (GB18030 Chinese is valid UTF-8 with vanishing probability);
 * - a last line that ends inside a character means the file was cut short;
 * - a line longer than MAX_LINE_BYTES stops the run.
 */
export class LineDecoder {
  private readonly decoder: TextDecoder;
  /** Bytes after the last line break: the start of a line not yet complete. */
  private carry: Buffer | null = null;
  /** Line breaks seen so far; the line being read is lineCount. */
  private breaks = 0;
  /** Counting CR (old Mac files) instead of LF, decided by the first block with a line break. */
  private breakByte: number | null = null;

  constructor(
    private readonly file: string,
    private readonly encoding: Encoding,
  ) {
    this.decoder = new TextDecoder(encoding, { fatal: true });
  }

  /** The number of the line being read (1-based): the last line once the file has been read. */
  get lineCount(): number {
    return this.breaks + 1;
  }

  /** The text of the whole lines that `chunk` completes ('' when none). */
  push(chunk: Buffer): string {
    const cut = Math.max(chunk.lastIndexOf(LF), chunk.lastIndexOf(CR));
    if (cut === -1) {
      this.carry = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
      if (this.carry.length > MAX_LINE_BYTES) this.lineTooLong();
      return '';
    }
    if (this.carry && this.carry.length + firstBreak(chunk) > MAX_LINE_BYTES) this.lineTooLong();
    const block = this.carry ? Buffer.concat([this.carry, chunk.subarray(0, cut + 1)]) : chunk.subarray(0, cut + 1);
    this.carry = cut + 1 < chunk.length ? chunk.subarray(cut + 1) : null;
    const text = this.decodeLines(block);
    this.breaks += this.countBreaks(block);
    return text;
  }

  /** The text of the last line (no line break after it), checked for a character cut in two. */
  end(): string {
    const last = this.carry;
    this.carry = null;
    if (!last) return '';
    try {
      return this.decode(last);
    } catch {
      // A last line that decodes once its final bytes (at most 3: a 4-byte character
      // cut after its first byte) are left out stops in the middle of a character.
      for (let drop = 1; drop <= 3 && drop < last.length; drop++) {
        if (this.decodes(last.subarray(0, last.length - drop))) {
          throw new RollcallError('file_format', { key: 'io.csv_cut_short_char', params: { file: this.file, line: this.lineCount } });
        }
      }
      throw this.badLine(this.lineCount);
    }
  }

  private decodeLines(block: Buffer): string {
    let text: string;
    try {
      text = this.decode(block);
    } catch {
      this.checkNoUtf8Lines(block); // UTF-8 pasted into a GB18030 file is often invalid GB18030 too: say which it is
      throw this.badLine(this.breaks + this.findBadLine(block));
    }
    this.checkNoUtf8Lines(block);
    return text;
  }

  private decode(bytes: Buffer): string {
    return this.decoder.decode(bytes);
  }

  private decodes(bytes: Buffer): boolean {
    try {
      this.decode(bytes);
      return true;
    } catch {
      return false;
    }
  }

  /** 1-based index, within `block`, of the first line that does not decode. */
  private findBadLine(block: Buffer): number {
    let index = 1;
    for (const line of splitLines(block)) {
      if (!this.decodes(line)) return index;
      index++;
    }
    return index;
  }

  private badLine(line: number): RollcallError {
    const key = this.encoding === 'utf-8' ? 'io.not_utf8_line' : 'io.not_gb18030_line';
    return new RollcallError('encoding', { key, params: { file: this.file, line } });
  }

  /**
   * Lines with Chinese in UTF-8 in a file read as GB18030. Only lines that are valid
   * UTF-8 (a native check, fast) are looked at further; a GB18030 line passes that
   * check only by chance, and then its "characters" are not all Chinese.
   */
  private checkNoUtf8Lines(block: Buffer): void {
    if (this.encoding !== 'gb18030') return;
    let index = 0;
    for (const line of splitLines(block)) {
      index++;
      if (!isUtf8(line) || !looksLikeUtf8Chinese(line)) continue;
      throw new RollcallError('encoding', { key: 'io.utf8_line_in_gb18030', params: { file: this.file, line: this.breaks + index } });
    }
  }

  private countBreaks(block: Buffer): number {
    this.breakByte ??= block.includes(LF) ? LF : CR;
    let count = 0;
    for (let at = block.indexOf(this.breakByte); at !== -1; at = block.indexOf(this.breakByte, at + 1)) count++;
    return count;
  }

  private lineTooLong(): never {
    throw new RollcallError('file_format', { key: 'io.line_too_long', params: { file: this.file, line: this.lineCount, limit: '1 MB' } });
  }
}

function firstBreak(chunk: Buffer): number {
  const lf = chunk.indexOf(LF);
  const cr = chunk.indexOf(CR);
  return lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
}

/**
 * The lines of a block that ends with a line break, without their breaks: split at
 * LF (a CR before it dropped), or at CR in a file with no LF (old Mac exports).
 */
function* splitLines(block: Buffer): Generator<Buffer> {
  const breakByte = block.includes(LF) ? LF : CR;
  let start = 0;
  while (start < block.length) {
    let end = block.indexOf(breakByte, start);
    if (end === -1) end = block.length;
    yield block.subarray(start, breakByte === LF && end > start && block[end - 1] === CR ? end - 1 : end);
    start = end + 1;
  }
}

/** At least two Chinese characters and no other non-ASCII character than Chinese text uses. */
function looksLikeUtf8Chinese(line: Buffer): boolean {
  let hasHigh = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i]! >= 0x80) {
      hasHigh = true;
      break;
    }
  }
  if (!hasHigh) return false;
  let chinese = 0;
  for (const char of line.toString('utf8')) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) continue;
    if (isChineseText(code)) chinese++;
    else return false;
  }
  return chinese >= 2;
}

function isChineseText(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // extension A
    (code >= 0x20000 && code <= 0x2ffff) || // extensions B–F
    (code >= 0x3000 && code <= 0x303f) || // CJK punctuation
    (code >= 0xff00 && code <= 0xffef) || // full-width forms
    code === 0xb7 || // middle dot in names
    code === 0x2022 ||
    code === 0xfeff // a BOM
  );
}
