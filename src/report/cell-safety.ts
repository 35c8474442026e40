// Spreadsheet safety (OWASP "CSV injection"): a cell that begins with = + - @, a
// tab or a carriage return is run by Excel as a formula. A leading apostrophe makes
// it text, and Excel does not show the apostrophe.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One CSV line, quoted where needed (RFC 4180). Every cell is neutralised, unless
 * `asWritten` (the generator writes an export as a county system would).
 */
export function csvLine(cells: readonly (string | number)[], asWritten = false): string {
  return cells
    .map((cell) => {
      const text = typeof cell === 'number' ? String(cell) : asWritten ? cell : neutraliseFormula(cell);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

/** UTF-8 with a BOM, so that Excel shows Chinese (SPEC §7), CRLF as Excel writes. */
export function csvFile(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((row) => csvLine(row)).join('\r\n')}\r\n`;
}
