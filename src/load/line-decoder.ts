import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import type { Encoding } from '../config/index.js';

const LF = 0x0a;
const CR = 0x0d;

/**
 * A line of more than this many bytes is not an export row (docs/DECISIONS.md,
 * "Reliability"): reading stops there, in linear time, instead of buffering a
 * 500 MB line.
 */
export const MAX_LINE_BYTES = 1 << 20;

export type LineProblem = 'not_utf8' | 'not_gb18030' | 'utf8_in_gb18030' | 'cut_short_char' | 'line_too_long';

/**
 * A problem found at a byte offset: the start of the line it is on. Lines are not
 * counted while reading (that would cost every run); the line number is found from
 * the offset only when there is a problem to report (lineNumberAt).
 */
export class LineError extends Error {
  constructor(
    readonly problem: LineProblem | 'cut_short_quote' | 'cut_short_row',
    readonly offset: number,
  ) {
    super(`${problem} at byte ${offset}`);
  }
}

/**
 * Cuts a CSV's bytes into whole lines and decodes them strictly (SPEC §1, §6).
 * A line break byte (LF, CR) is never part of a multi-byte character in UTF-8 or
 * GB18030, so lines can be found before decoding; then:
 * - bytes invalid in the encoding are a LineError at their line (a file that mixes
 *   encodings, or is damaged);
 * - in a file read as GB18030, a line of Chinese that is valid UTF-8 is a UTF-8 line
 *   pasted in (GB18030 Chinese is valid UTF-8 with vanishing probability);
 * - a last line that ends inside a character means the file was cut short;
 * - a line longer than MAX_LINE_BYTES stops reading.
 */
export class LineDecoder {
  private readonly decoder: TextDecoder;
  /** Bytes after the last line break: the start of a line not yet complete. */
  private carry: Buffer | null = null;
  /** File offset of the next chunk. */
  private position = 0;

  constructor(private readonly encoding: Encoding) {
    this.decoder = new TextDecoder(encoding, { fatal: true });
  }

  /** File offset where the line being read (the last line, once the file is read) starts. */
  get lineStart(): number {
    return this.position - (this.carry?.length ?? 0);
  }

  /** The text of the whole lines that `chunk` completes ('' when none). */
  push(chunk: Buffer): string {
    const start = this.lineStart;
    const chunkStart = this.position;
    this.position += chunk.length;
    const cut = Math.max(chunk.lastIndexOf(LF), chunk.lastIndexOf(CR));
    if (cut === -1) {
      this.carry = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
      if (this.carry.length > MAX_LINE_BYTES) throw new LineError('line_too_long', start);
      return '';
    }
    let text = '';
    let from = 0;
    if (this.carry) {
      // The line the previous chunk began: joined with its end alone, not the whole chunk.
      const end = firstBreak(chunk) + 1;
      if (this.carry.length + end > MAX_LINE_BYTES) throw new LineError('line_too_long', start);
      text = this.decodeLines(Buffer.concat([this.carry, chunk.subarray(0, end)]), start);
      from = end;
    }
    if (from <= cut) text += this.decodeLines(chunk.subarray(from, cut + 1), chunkStart + from);
    this.carry = cut + 1 < chunk.length ? chunk.subarray(cut + 1) : null;
    return text;
  }

  /** The text of the last line (no line break after it), checked for a character cut in two. */
  end(): string {
    const last = this.carry;
    const start = this.lineStart;
    this.carry = null;
    if (!last) return '';
    this.checkNoUtf8Lines(last, start);
    if (this.decodes(last)) return this.decoder.decode(last); // (not streaming: the decoder ends here)
    // A last line that decodes once its final bytes (at most 3: a 4-byte character
    // cut after its first byte) are left out stops in the middle of a character.
    for (let drop = 1; drop <= 3 && drop < last.length; drop++) {
      if (this.decodes(last.subarray(0, last.length - drop))) throw new LineError('cut_short_char', start);
    }
    throw new LineError(this.encoding === 'utf-8' ? 'not_utf8' : 'not_gb18030', start);
  }

  private decodeLines(block: Buffer, offset: number): string {
    let text: string;
    try {
      // `stream` although the block holds whole characters: that path is a third faster here (Node 20).
      text = this.decoder.decode(block, { stream: true });
    } catch {
      // UTF-8 pasted into a GB18030 file is often invalid GB18030 too: say which it is.
      this.checkNoUtf8Lines(block, offset);
      throw new LineError(this.encoding === 'utf-8' ? 'not_utf8' : 'not_gb18030', offset + this.firstBadLine(block));
    }
    this.checkNoUtf8Lines(block, offset);
    return text;
  }

  private decodes(bytes: Buffer): boolean {
    try {
      new TextDecoder(this.encoding, { fatal: true }).decode(bytes);
      return true;
    } catch {
      return false;
    }
  }

  /** Offset within `block` of the first line that does not decode. */
  private firstBadLine(block: Buffer): number {
    let bad = 0;
    forEachLine(block, (start, end) => {
      if (this.decodes(block.subarray(start, end))) return true;
      bad = start;
      return false;
    });
    return bad;
  }

  /**
   * Lines with Chinese in UTF-8 in a file read as GB18030. Only lines that are valid
   * UTF-8 (a native check, fast) are looked at further; a GB18030 line passes that
   * check only by chance, and then its "characters" are not all Chinese.
   */
  private checkNoUtf8Lines(block: Buffer, offset: number): void {
    if (this.encoding !== 'gb18030') return;
    forEachLine(block, (start, end) => {
      const line = block.subarray(start, end);
      if (isUtf8(line) && looksLikeUtf8Chinese(line)) throw new LineError('utf8_in_gb18030', offset + start);
      return true;
    });
  }
}

/**
 * Calls `visit(start, end)` for each line of a block that ends with a line break
 * (LF, a CR before it left out; or CR in a file without LF), until it returns false.
 */
function forEachLine(block: Buffer, visit: (start: number, end: number) => boolean): void {
  const breakByte = block.includes(LF) ? LF : CR;
  let start = 0;
  while (start < block.length) {
    let end = block.indexOf(breakByte, start);
    if (end === -1) end = block.length;
    const contentEnd = breakByte === LF && end > start && block[end - 1] === CR ? end - 1 : end;
    if (!visit(start, contentEnd)) return;
    start = end + 1;
  }
}

function firstBreak(chunk: Buffer): number {
  const lf = chunk.indexOf(LF);
  const cr = chunk.indexOf(CR);
  return lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
}

/**
 * The 1-based line number of a byte offset: the line breaks before it, counted on the
 * error path only. `lastLine`: the offset is the end of the file, and line breaks
 * right before it end the last line rather than start new ones.
 */
export async function lineNumberAt(file: string, offset: number, lastLine = false): Promise<number> {
  let lf = 0;
  let cr = 0;
  // Line breaks at the very end of what was read (LF and CR counted apart).
  let trailingLf = 0;
  let trailingCr = 0;
  for await (const chunk of createReadStream(file, { end: Math.max(0, offset - 1), highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) lf++;
    for (let at = bytes.indexOf(CR); at !== -1; at = bytes.indexOf(CR, at + 1)) cr++;
    let end = bytes.length;
    while (end > 0 && (bytes[end - 1] === LF || bytes[end - 1] === CR)) end--;
    if (end > 0) trailingLf = trailingCr = 0;
    for (let i = end; i < bytes.length; i++) {
      if (bytes[i] === LF) trailingLf++;
      else trailingCr++;
    }
  }
  if (offset === 0) return 1;
  // A file with LF counts LFs (a CR before one is part of CRLF); an old Mac file counts CRs.
  const breaks = lf > 0 ? lf - (lastLine ? trailingLf : 0) : cr - (lastLine ? trailingCr : 0);
  return Math.max(1, breaks + 1);
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
