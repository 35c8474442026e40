/**
 * A small streaming scanner for the XML of a workbook's parts. It knows tags,
 * attributes and text, and nothing of namespaces: names arrive without their
 * prefix (`x:c` → `c`), so transitional, strict (purl.oclc.org) and prefixed
 * workbooks read alike. Measured against saxes (docs/DECISIONS.md, "Reading
 * workbooks"), it runs the sheet XML at several times the speed, which is most of
 * a large workbook's reading time.
 */
export interface XmlHandler {
  /**
   * A start tag; its attributes are `source.slice(from, to)` (read them with
   * readAttributes), and `source[to]` is its ">" (or "/>"). A handler that reads the
   * element's content itself returns where scanning goes on; else 0 or nothing.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that scans nothing further returns nothing at all
  open(name: string, source: string, from: number, to: number, selfClosing: boolean): number | void;
  close(name: string): void;
  /**
   * Text between tags, `source.slice(from, to)`, only while the scanner's
   * `captureText` is on; entities are still in it (see decodeEntities) unless it
   * is a CDATA section. A range, not a string: a shared string index needs none.
   */
  text(source: string, from: number, to: number, cdata: boolean): void;
}

/** Text that can stay pending between chunks (one tag or one text node): far above Excel's 32,767 characters a cell. */
const MAX_PENDING = 1 << 24;

export class XmlFormatError extends Error {}

export class XmlScanner {
  /** The handler turns this on for the elements whose text it wants (`<v>`, `<t>`). */
  captureText = false;
  private rest = '';

  /**
   * `quoteAware: false` ends a tag at the first ">", without checking that it is
   * not inside an attribute value: right for a sheet's data (the attributes of
   * rows and cells are references, numbers and type codes) and much faster.
   */
  constructor(
    private readonly handler: XmlHandler,
    private readonly quoteAware = true,
  ) {}

  push(chunk: string): void {
    const s = this.rest.length > 0 ? this.rest + chunk : chunk;
    const pos = this.scan(s);
    this.rest = pos < s.length ? s.slice(pos) : '';
    if (this.rest.length > MAX_PENDING) throw new XmlFormatError('a tag or text of more than 16 million characters');
  }

  /** Whatever is left unfinished at the end of the part (an incomplete tag means the part was cut short). */
  end(): boolean {
    return this.rest.trim().length === 0;
  }

  private scan(s: string): number {
    const handler = this.handler;
    const n = s.length;
    let pos = 0;
    while (pos < n) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) return this.captureText ? pos : n;
      if (lt > pos && this.captureText) handler.text(s, pos, lt, false);
      pos = lt;
      const first = s.charCodeAt(lt + 1);
      if (Number.isNaN(first)) return pos; // "<" is the last character: wait for more
      if (first === 33 || first === 63) {
        // <!-- comment -->, <![CDATA[…]]>, <!DOCTYPE …>, <?xml …?>
        const next = this.skipSpecial(s, lt);
        if (next < 0) return pos;
        pos = next;
        continue;
      }
      const i = first === 47 || !this.quoteAware ? s.indexOf('>', lt + 1) : endOfTag(s, lt + 1);
      if (i < 0) return pos;
      const closing = first === 47;
      // The name, and where its prefix ends ("x:c"), in one pass.
      let nameStart = closing ? lt + 2 : lt + 1;
      let nameEnd = nameStart;
      while (nameEnd < i) {
        const ch = s.charCodeAt(nameEnd);
        if (ch === 58) nameStart = nameEnd + 1;
        else if (ch === 32 || ch === 47 || ch === 9 || ch === 10 || ch === 13) break;
        nameEnd++;
      }
      const name =
        nameEnd - nameStart === 1 && s.charCodeAt(nameStart) < 128 ? SHORT_NAMES[s.charCodeAt(nameStart)]! : s.slice(nameStart, nameEnd);
      if (closing) {
        handler.close(name);
      } else {
        const selfClosing = s.charCodeAt(i - 1) === 47;
        const resume = handler.open(name, s, nameEnd, selfClosing ? i - 1 : i, selfClosing);
        if (resume) {
          pos = resume;
          continue;
        }
      }
      pos = i + 1;
    }
    return pos;
  }

  private skipSpecial(s: string, lt: number): number {
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (this.captureText) this.handler.text(s, lt + 9, end, true);
      return end + 3;
    }
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.length < lt + 9) return -1; // "<![CDATA[" may still be arriving
    const end = s.indexOf('>', lt);
    return end < 0 ? -1 : end + 1;
  }
}

/** The ">" that ends the tag starting before `from`, outside quoted attribute values; -1 when not yet arrived. */
function endOfTag(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (quote !== 0) {
      if (ch === quote) quote = 0;
    } else if (ch === 62) return i;
    else if (ch === 34 || ch === 39) quote = ch;
  }
  return -1;
}

/** One-character names (c, v, t, f, r) without a new string each time: they are most of a sheet's tags. */
const SHORT_NAMES = Array.from({ length: 128 }, (_unused, code) => String.fromCharCode(code));

/** The element name without its namespace prefix. */
function localName(s: string, from: number, to: number): string {
  let start = from;
  let end = to;
  while (end > start) {
    const ch = s.charCodeAt(end - 1);
    if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) break;
    end--;
  }
  for (let i = start; i < end; i++) if (s.charCodeAt(i) === 58) start = i + 1;
  if (end - start === 1) {
    const code = s.charCodeAt(start);
    if (code < 128) return SHORT_NAMES[code]!;
  }
  return s.slice(start, end);
}

/**
 * Calls `each(name, value)` for every attribute in `source.slice(from, to)`;
 * names lose their prefix (`r:id` → `id`), values have their entities decoded.
 */
function readAttributes(source: string, from: number, to: number, each: (name: string, value: string) => void): void {
  let i = from;
  while (i < to) {
    const eq = source.indexOf('=', i);
    if (eq < 0 || eq >= to) return;
    const name = localName(source, skipSpace(source, i, eq), eq);
    let q = eq + 1;
    while (q < to && source.charCodeAt(q) !== 34 && source.charCodeAt(q) !== 39) q++;
    if (q >= to) return;
    const close = source.indexOf(source[q]!, q + 1);
    if (close < 0 || close > to) return;
    each(name, decodeEntities(source.slice(q + 1, close)));
    i = close + 1;
  }
}

/** All attributes of a tag by local name (for the small parts: workbook, rels, styles). */
export function attributeMap(source: string, from: number, to: number): Map<string, string> {
  const map = new Map<string, string>();
  readAttributes(source, from, to, (name, value) => map.set(name, value));
  return map;
}

function skipSpace(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && s.charCodeAt(i) <= 32) i++;
  return i;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, entity: string) => {
    if (entity.charCodeAt(0) === 35) {
      const code = entity.charCodeAt(1) === 120 ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[entity] ?? whole;
  });
}

/**
 * OOXML escapes characters XML cannot carry as `_xHHHH_` (a carriage return is
 * `_x000D_`), and a literal "_x" as `_x005F_x`. Excel shows the character.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_whole, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
