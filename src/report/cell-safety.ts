import { stringify } from 'csv-stringify/sync';

// Spreadsheet safety (OWASP "CSV injection"): a cell that begins with = + - @, a
// tab or a carriage return is run by Excel as a formula. A leading apostrophe makes
// it text, and Excel does not show the apostrophe.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * SPEC §7: an ID or student number that survives a double-click into Excel or WPS.
 * A tab before the digits makes the cell text (Excel keeps only 15 significant
 * digits of a number: 341324201503051234 would become 3.41324E+17); a program
 * gets the exact value back by trimming white space. Only a value of letters,
 * digits and the mask's * gets the tab: nothing there a spreadsheet could run.
 */
export function keepAsText(value: string): string {
  return /^[0-9A-Za-z*]+$/.test(value) ? `\t${value}` : neutraliseFormula(value);
}

export interface CsvOptions {
  /** Write cells as they are, not neutralised (the generator writes an export as a county system would). */
  readonly asWritten?: boolean;
  readonly eol?: '\n' | '\r\n';
  /** Columns of IDs and student numbers, written with keepAsText. */
  readonly textColumns?: ReadonlySet<number>;
}

/** Rows as CSV text (RFC 4180 quoting by csv-stringify), every cell neutralised unless `asWritten`. */
export function csvText(rows: readonly (readonly (string | number)[])[], options: CsvOptions = {}): string {
  return stringify(rows as (string | number)[][], {
    record_delimiter: options.eol === '\n' ? 'unix' : 'windows',
    // Any line break in a cell is quoted, not only the record delimiter: Excel and
    // our own reader would otherwise start a new row at a bare LF.
    // With ID columns a tab is quoted too: their leading tab stays inside the field.
    quoted_match: options.textColumns ? /[\r\n\t]/ : /[\r\n]/,
    cast: options.asWritten
      ? {}
      : { string: (value, context) => (options.textColumns?.has(context.index ?? -1) ? keepAsText(value) : neutraliseFormula(value)) },
  });
}

/** A report CSV: UTF-8 with a BOM, so that Excel shows Chinese (SPEC §7), CRLF as Excel writes. */
export function csvFile(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${csvText(rows)}`;
}
