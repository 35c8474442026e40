import { stringify } from 'csv-stringify/sync';

// Spreadsheet safety (OWASP "CSV injection"): a cell that begins with = + - @, a
// tab or a carriage return is run by Excel as a formula. A leading apostrophe makes
// it text, and Excel does not show the apostrophe.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export interface CsvOptions {
  /** Write cells as they are, not neutralised (the generator writes an export as a county system would). */
  readonly asWritten?: boolean;
  readonly eol?: '\n' | '\r\n';
}

/** Rows as CSV text (RFC 4180 quoting by csv-stringify), every cell neutralised unless `asWritten`. */
export function csvText(rows: readonly (readonly (string | number)[])[], options: CsvOptions = {}): string {
  return stringify(rows as (string | number)[][], {
    record_delimiter: options.eol === '\n' ? 'unix' : 'windows',
    // Any line break in a cell is quoted, not only the record delimiter: Excel and
    // our own reader would otherwise start a new row at a bare LF.
    quoted_match: /[\r\n]/,
    cast: options.asWritten ? {} : { string: neutraliseFormula },
  });
}

/** A report CSV: UTF-8 with a BOM, so that Excel shows Chinese (SPEC §7), CRLF as Excel writes. */
export function csvFile(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${csvText(rows)}`;
}
