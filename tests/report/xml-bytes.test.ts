import { describe, expect, it } from 'vitest';
import { XmlBytes, ascii } from '../../src/report/xml-bytes.js';

// report/xml-bytes.ts writes text as UTF-8 bytes itself: the bytes must be exactly
// what Buffer.from would give for the same text escaped as XML character data.

/** The reference: the XML escape (characters XML cannot carry dropped), encoded by Node. */
function reference(text: string): Buffer {
  const escaped = text
    .replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  return Buffer.from(escaped);
}

function written(texts: readonly string[]): Buffer {
  const out = new XmlBytes();
  for (const text of texts) {
    out.room(text.length * 6);
    out.text(text);
  }
  return Buffer.concat(out.finish());
}

describe('XML text as UTF-8 bytes (report/xml-bytes.ts)', () => {
  it('encodes and escapes as Buffer.from does: one to four bytes a character, entities, dropped controls', () => {
    const texts = [
      '城关镇',
      'a & b <c> "d"',
      'bell\u0007gone\u0000',
      'tab\tline\nreturn\r',
      'é ß ÿ',
      '阿依古丽·买买提',
      '𠮷野家 😀',
      'lone \ud800 high, lone \udc00 low, at the end \ud83d',
      // A character XML cannot carry between the halves of a pair: dropped first, the pair stays one character.
      '\ud83d\u0001\ude00 \ud83d\uffff\u0002\ude00 \ud83d\u0001',
      '\ufffe\uffff\ufffd',
      '',
    ];
    for (const text of texts) expect(written([text]).equals(reference(text)), JSON.stringify(text)).toBe(true);
  });

  it('gives the same bytes for random text, across many buffers', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pool = ['a', '&', '<', '"', '\u0001', '\n', 'é', '镇', '·', '\ud842\udfb7', '\ud800', '\udc00', '\uffff', '0', ' '];
    const texts = Array.from({ length: 200_000 }, () =>
      Array.from({ length: Math.floor(random() * 12) }, () => pool[Math.floor(random() * pool.length)]).join(''),
    );
    const out = new XmlBytes();
    for (const text of texts) {
      out.room(text.length * 6);
      out.text(text);
    }
    const chunks = out.finish();
    expect(chunks.length).toBeGreaterThan(1);
    // Each chunk owns its memory: it can be transferred to another thread alone.
    for (const chunk of chunks) expect(chunk.byteOffset).toBe(0);
    expect(Buffer.concat(chunks).equals(Buffer.concat(texts.map(reference)))).toBe(true);
  });

  it('writes markup and numbers as given', () => {
    const out = new XmlBytes();
    out.room(64);
    out.bytes(ascii('<v>'));
    out.asciiText(String(45_123.5));
    out.bytes(ascii('</v>'));
    expect(Buffer.concat(out.finish()).toString()).toBe('<v>45123.5</v>');
  });
});
