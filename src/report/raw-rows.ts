import type { Value } from './workbook-file.js';

// SPEC §10: 适龄儿童台账 has about 150,000 rows at county scale. exceljs's streaming
// writer builds a Row and a Cell object per value and looks up a style per cell,
// about 70 µs a row; this writes the same sheetData XML (inline strings, numbers)
// straight into the worksheet's stream, about a tenth of that. It relies on two
// internals of exceljs 4.4.0's WorksheetWriter (pinned in package.json): `stream`
// and `_rowZero`; tests/report/raw-rows.test.ts reads the result back with exceljs.

interface WorksheetWriterInternals {
  stream: { write(text: string): void };
  _rowZero: number;
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as XML character data; characters XML cannot carry (C0 controls) are dropped. */
function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"]/g, (ch) => XML_ESCAPES[ch]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/**
 * Appends `rows` after the rows already committed to `sheet` (the header). Strings
 * are inline strings (never formulas), numbers numbers, dates ISO text, null empty.
 */
export function writeRawRows(sheet: unknown, rows: readonly { readonly cells: readonly Value[] }[]): void {
  const writer = sheet as WorksheetWriterInternals;
  const columns: string[] = [];
  let r = writer._rowZero;
  let chunk: string[] = [];
  for (const { cells } of rows) {
    let xml = `<row r="${r}">`;
    cells.forEach((cell, c) => {
      if (cell === null || cell === '') return;
      const ref = `${(columns[c] ??= columnName(c))}${r}`;
      if (typeof cell === 'number') xml += `<c r="${ref}"><v>${cell}</v></c>`;
      else {
        const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : cell;
        xml += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
      }
    });
    chunk.push(`${xml}</row>`);
    r++;
    if (chunk.length === 2000) {
      writer.stream.write(chunk.join(''));
      chunk = [];
    }
  }
  if (chunk.length > 0) writer.stream.write(chunk.join(''));
  writer._rowZero = r;
}
