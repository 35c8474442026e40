// A streaming RFC 4180 tokenizer that knows spreadsheet row numbers.
//
// Why not csv-parse: at county scale csv-parse reads about 0.5 million rows a
// second here, a sixth of this loop's speed, and its error recovery loses the
// rows after a broken quote. This tokenizer reports each physical row it cannot
// use and carries on from the next line (docs/DECISIONS.md, "CSV reading").

export type BrokenReason = 'unclosed_quote' | 'broken_quotes';

export interface TokenizerSink {
  /** One record; `row` counts records from 1 (the header is usually row 1). */
  record(fields: string[], row: number): void;
  /** A physical line that could not be read as a record. */
  broken(row: number, reason: BrokenReason): void;
  /**
   * SPEC §6: the file is cut short: its last line stops inside a quoted field
   * (`quote`), or has no line break and fewer fields than the header (`row`). Without
   * this callback such a line is an `unclosed_quote` or a short record like any other.
   */
  cutShort?(where: 'quote' | 'row'): void;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** A quoted field this long, or spanning this many lines, is a quote left open. */
const MAX_QUOTED_CHARS = 1 << 20;
const MAX_QUOTED_LINES = 100;

/** parseRecord outcomes besides a record end offset. */
const INCOMPLETE = -1;
const BROKEN = -2;
/** At the end of the text, a quote opened on the last line and never closed. */
const CUT_SHORT = -3;

export class CsvTokenizer {
  private buffer = '';
  private row = 0;
  private expectedFields = 0;
  // State of the record parseRecord last read (kept on the instance: no allocation a row).
  private fields: string[] = [];
  private spansLines = false;

  constructor(
    private readonly sink: TokenizerSink,
    private readonly delimiter = ',',
  ) {}

  /**
   * Once the header is known: a record that spans lines inside quotes and then has
   * the wrong number of fields is a broken quote, not a field with a line break.
   */
  expectFieldCount(count: number): void {
    this.expectedFields = count;
  }

  push(text: string): void {
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    this.scan(false);
  }

  end(): void {
    this.scan(true);
    this.buffer = '';
  }

  private scan(final: boolean): void {
    const text = this.buffer;
    let pos = 0;
    while (pos < text.length) {
      const end = this.parseRecord(text, pos, final);
      if (end === INCOMPLETE) break;
      if (end === CUT_SHORT) this.sink.cutShort?.('quote');
      if (
        end === BROKEN ||
        end === CUT_SHORT ||
        (this.spansLines && this.expectedFields > 0 && this.fields.length !== this.expectedFields)
      ) {
        pos = this.skipBrokenLine(text, pos, end === BROKEN || end === CUT_SHORT ? 'unclosed_quote' : 'broken_quotes');
        continue;
      }
      this.sink.record(this.fields, ++this.row);
      pos = end;
    }
    this.buffer = pos === 0 ? text : text.slice(pos);
  }

  /** Reports the first physical line of a broken record and returns where the next begins. */
  private skipBrokenLine(text: string, start: number, reason: BrokenReason): number {
    this.sink.broken(++this.row, reason);
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) return i + 1;
      if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
    }
    return text.length;
  }

  /**
   * Reads one record starting at `start` into this.fields. Returns the offset after
   * its line break, INCOMPLETE when more text is needed, or BROKEN for a quote that
   * is never closed.
   */
  private parseRecord(text: string, start: number, final: boolean): number {
    const fields: string[] = [];
    const delimiter = this.delimiter.charCodeAt(0);
    const length = text.length;
    this.spansLines = false;
    let i = start;
    for (;;) {
      let value: string;
      if (i < length && text.charCodeAt(i) === QUOTE) {
        const quoteStart = i;
        value = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) {
            if (!final && !this.quoteTooLong(text, quoteStart, length)) return INCOMPLETE;
            return final && isLastLine(text, quoteStart) ? CUT_SHORT : BROKEN;
          }
          if (close + 1 === length && !final) return INCOMPLETE; // "" may straddle chunks
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          value += text.slice(from, close);
          i = close + 1;
          break;
        }
        if (!this.spansLines && hasLineBreak(text, quoteStart, i)) this.spansLines = true;
        if (this.spansLines && this.quoteTooLong(text, quoteStart, i)) return BROKEN;
        // Text after the closing quote ("ab"cd) is kept as written, as Excel does.
        const tailStart = i;
        while (i < length) {
          const c = text.charCodeAt(i);
          if (c === delimiter || c === LF || c === CR) break;
          i++;
        }
        if (i > tailStart) value += text.slice(tailStart, i);
      } else {
        const fieldStart = i;
        while (i < length) {
          const c = text.charCodeAt(i);
          if (c === delimiter || c === LF || c === CR) break;
          i++;
        }
        value = text.slice(fieldStart, i);
      }
      if (i >= length) {
        if (!final) return INCOMPLETE;
        fields.push(value);
        this.fields = fields;
        // The last line, with no line break and fewer fields than the header: cut in the middle of a row.
        if (this.expectedFields > 0 && fields.length < this.expectedFields && fields.some((field) => field.trim() !== ''))
          this.sink.cutShort?.('row');
        return length;
      }
      const c = text.charCodeAt(i);
      fields.push(value);
      if (c === delimiter) {
        i++;
        continue;
      }
      this.fields = fields;
      if (c === LF) return i + 1;
      // CR: a lone CR ends a line too (old Mac exports); CRLF counts once.
      if (i + 1 >= length && !final) return INCOMPLETE;
      return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
    }
  }

  private quoteTooLong(text: string, from: number, to: number): boolean {
    if (to - from > MAX_QUOTED_CHARS) return true;
    let lines = 0;
    for (let i = from; i < to; i++) {
      if (text.charCodeAt(i) === LF && ++lines > MAX_QUOTED_LINES) return true;
    }
    return false;
  }
}

/** No line break after `from`, except those that end the text. */
function isLastLine(text: string, from: number): boolean {
  let end = text.length;
  while (end > from && (text.charCodeAt(end - 1) === LF || text.charCodeAt(end - 1) === CR)) end--;
  return !hasLineBreak(text, from, end);
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return true;
  }
  return false;
}

/** The delimiter of a CSV: comma, unless the first line has more tabs or semicolons. */
export function detectDelimiter(firstLine: string): string {
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}
