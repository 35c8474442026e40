import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from '../../src/load/index.js';

interface Event {
  row: number;
  fields?: string[];
  broken?: string;
}

function tokenize(text: string, options: { chunk?: number; expect?: number; delimiter?: string } = {}): Event[] {
  const events: Event[] = [];
  const tokenizer = new CsvTokenizer(
    {
      record: (fields, row) => events.push({ row, fields: [...fields] }),
      broken: (row, reason) => events.push({ row, broken: reason }),
    },
    options.delimiter,
  );
  if (options.expect) tokenizer.expectFieldCount(options.expect);
  const size = options.chunk ?? text.length;
  for (let i = 0; i < text.length; i += size) tokenizer.push(text.slice(i, i + size));
  tokenizer.end();
  return events;
}

describe('CsvTokenizer', () => {
  it('reads LF, CRLF and lone CR line endings alike', () => {
    const expected = [
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['c', 'd'] },
    ];
    expect(tokenize('a,b\nc,d\n')).toEqual(expected);
    expect(tokenize('a,b\r\nc,d\r\n')).toEqual(expected);
    expect(tokenize('a,b\rc,d')).toEqual(expected);
  });

  it('keeps commas, quotes and line breaks inside quoted fields; one record is one row', () => {
    expect(tokenize('"a,1","say ""hi""","two\nlines"\nnext,x,y\n')).toEqual([
      { row: 1, fields: ['a,1', 'say "hi"', 'two\nlines'] },
      { row: 2, fields: ['next', 'x', 'y'] },
    ]);
  });

  it('gives an empty line as a record of one empty field', () => {
    expect(tokenize('a,b\n\nc,d\n')).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: [''] },
      { row: 3, fields: ['c', 'd'] },
    ]);
  });

  it('reads a last line without a line break', () => {
    expect(tokenize('a,b\nc,')).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['c', ''] },
    ]);
  });

  it('gives the same records whatever the chunk size (CRLF, "" and quotes split across chunks)', () => {
    const text = 'h1,h2,h3\r\n"x ""q"" y","multi\r\nline",3\r\nplain,"",\r\n"a","b","c"';
    const whole = tokenize(text);
    for (const chunk of [1, 2, 3, 5, 7]) expect(tokenize(text, { chunk })).toEqual(whole);
  });

  it('keeps text after a closing quote, as Excel does', () => {
    expect(tokenize('"ab"cd,e\n')).toEqual([{ row: 1, fields: ['abcd', 'e'] }]);
  });

  it('reports a quote never closed as one broken row and reads on from the next line', () => {
    expect(tokenize('h1,h2\n"open,1\nb,2\nc,3\n', { expect: 2 })).toEqual([
      { row: 1, fields: ['h1', 'h2'] },
      { row: 2, broken: 'unclosed_quote' },
      { row: 3, fields: ['b', '2'] },
      { row: 4, fields: ['c', '3'] },
    ]);
  });

  it('reports quotes that swallow a line break and leave the wrong field count', () => {
    expect(tokenize('h1,h2,h3\na,"b,c\nd,e,f"\ng,h,i\n', { expect: 3 })).toEqual([
      { row: 1, fields: ['h1', 'h2', 'h3'] },
      { row: 2, broken: 'broken_quotes' },
      { row: 3, fields: ['d', 'e', 'f"'] },
      { row: 4, fields: ['g', 'h', 'i'] },
    ]);
  });

  it('uses the delimiter it is given', () => {
    expect(tokenize('a\tb\n"c\td"\te\n', { delimiter: '\t' })).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['c\td', 'e'] },
    ]);
  });

  it('agrees with csv-parse on well-formed CSV', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = ['a', '张', ',', '"', '\n', '\r\n', ' ', '1', 'X'];
    for (let round = 0; round < 200; round++) {
      const rows = Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
        Array.from({ length: 3 }, () =>
          Array.from({ length: Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''),
        ),
      );
      const text = rows
        .map((row) => row.map((v) => (/[",\r\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v)).join(','))
        .join('\r\n');
      const ours = tokenize(text, { chunk: 4 }).map((event) => event.fields);
      expect(ours).toEqual(parse(text, { relax_column_count: true }));
    }
  });
});
