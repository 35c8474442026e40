// Sheet XML written straight into UTF-8 bytes (raw-rows.ts): a 150,000-row sheet
// made as strings costs a string per cell, a rope per row to flatten, and an encoding
// pass, most of it for the garbage collector; written here byte by byte it costs none
// of that. The bytes are what Buffer.from(text) would give for the same XML: text
// escaped as XML character data, characters XML cannot carry (C0 controls but tab,
// newline and return; U+FFFE, U+FFFF) dropped, a lone surrogate as U+FFFD.

/** Bytes a buffer holds before the next is begun: a 150,000-row sheet is some eighty, not one of 80 MB. */
const CHUNK_BYTES = 1 << 20;

/** The UTF-8 bytes of an ASCII text (markup written again and again). */
export function ascii(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

const AMP = ascii('&amp;');
const LT = ascii('&lt;');
const GT = ascii('&gt;');
const QUOT = ascii('&quot;');

/** Characters XML cannot carry: C0 controls but tab, newline and return; U+FFFE, U+FFFF. */
function dropped(ch: number): boolean {
  return (ch < 0x20 && ch !== 0x09 && ch !== 0x0a && ch !== 0x0d) || ch === 0xfffe || ch === 0xffff;
}

/** Bytes written into buffers of their own, one after another. */
export class XmlBytes {
  private readonly done: Uint8Array[] = [];
  private buf: Uint8Array = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  private at = 0;

  /**
   * Makes room for up to `bytes` more bytes in the current buffer. Every write must be
   * preceded by a room() covering it: text takes at most 6 bytes a character (&quot;).
   */
  room(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    this.end();
    this.buf = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, bytes));
  }

  bytes(bytes: Uint8Array): void {
    const { buf } = this;
    let at = this.at;
    for (let i = 0; i < bytes.length; i++) buf[at++] = bytes[i]!;
    this.at = at;
  }

  /** An ASCII text (a number as written). */
  asciiText(text: string): void {
    const { buf } = this;
    let at = this.at;
    for (let i = 0; i < text.length; i++) buf[at++] = text.charCodeAt(i);
    this.at = at;
  }

  /** Text as XML character data, in UTF-8. */
  text(text: string): void {
    const { buf } = this;
    let at = this.at;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch < 0x80) {
        if (ch >= 0x20) {
          if (ch === 0x26 || ch === 0x3c || ch === 0x3e || ch === 0x22) {
            const entity = ch === 0x26 ? AMP : ch === 0x3c ? LT : ch === 0x3e ? GT : QUOT;
            for (let k = 0; k < entity.length; k++) buf[at++] = entity[k]!;
          } else buf[at++] = ch;
        } else if (ch === 0x09 || ch === 0x0a || ch === 0x0d) buf[at++] = ch;
      } else if (ch < 0x800) {
        buf[at++] = 0xc0 | (ch >> 6);
        buf[at++] = 0x80 | (ch & 0x3f);
      } else if (ch >= 0xd800 && ch < 0xe000) {
        // The low half may come after characters that are dropped: they are gone before encoding.
        let j = i + 1;
        while (j < text.length && dropped(text.charCodeAt(j))) j++;
        const next = j < text.length ? text.charCodeAt(j) : 0;
        if (ch < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
          const point = 0x10000 + ((ch - 0xd800) << 10) + (next - 0xdc00);
          buf[at++] = 0xf0 | (point >> 18);
          buf[at++] = 0x80 | ((point >> 12) & 0x3f);
          buf[at++] = 0x80 | ((point >> 6) & 0x3f);
          buf[at++] = 0x80 | (point & 0x3f);
          i = j;
        } else {
          buf[at++] = 0xef;
          buf[at++] = 0xbf;
          buf[at++] = 0xbd;
        }
      } else if (ch < 0xfffe) {
        buf[at++] = 0xe0 | (ch >> 12);
        buf[at++] = 0x80 | ((ch >> 6) & 0x3f);
        buf[at++] = 0x80 | (ch & 0x3f);
      }
    }
    this.at = at;
  }

  /** The bytes written, in buffers that each own their memory (they can be transferred to another thread). */
  finish(): Uint8Array[] {
    this.end();
    this.buf = new Uint8Array(0);
    return this.done;
  }

  private end(): void {
    if (this.at > 0) this.done.push(this.buf.subarray(0, this.at));
    this.at = 0;
  }
}
