import { HEADER_SYNONYMS, type SourceSettings } from '../config/index.js';
import { FIELD_NAMES, REQUIRED_FIELDS, RollcallError, type FieldName } from '../domain/index.js';
import { foldText } from '../normalize/index.js';
import type { Cell } from './rows.js';

/** Which column feeds which field, as found in a file's header row. */
export interface HeaderMap {
  /** Column index per mapped field. */
  readonly columns: Partial<Record<FieldName, number>>;
  /** The header text (as written) per mapped field. */
  readonly headers: Partial<Record<FieldName, string>>;
  /** Headers that feed no field. */
  readonly unmapped: readonly string[];
  /** All headers as written, in order. */
  readonly found: readonly string[];
  readonly fieldCount: number;
}

/**
 * SPEC §1: headers match after NFKC and removal of all white space. A leading or
 * trailing "*" (the required-column marker of import templates) is ignored too.
 */
export function foldHeader(header: Cell): string {
  return foldText(header == null ? '' : String(header)).replace(/^\*+|\*+$/g, '');
}

/** The headers each field accepts, config first: `columns` adds to the synonyms. */
function acceptedHeaders(settings: SourceSettings, field: FieldName): readonly string[] {
  return [...(settings.columns[field] ?? []), ...HEADER_SYNONYMS[field].map(foldText)];
}

/** How many cells of a row are headers some field accepts: the header-row test. */
export function countRecognisedHeaders(cells: readonly Cell[], settings: SourceSettings): number {
  const accepted = new Set(FIELD_NAMES.flatMap((field) => acceptedHeaders(settings, field)));
  return cells.filter((cell) => accepted.has(foldHeader(cell))).length;
}

export function mapHeaders(cells: readonly Cell[], settings: SourceSettings): HeaderMap {
  const found = cells.map((cell) => (cell == null ? '' : String(cell).trim()));
  const firstColumn = new Map<string, number>();
  found.forEach((header, column) => {
    const folded = foldHeader(header);
    if (folded && !firstColumn.has(folded)) firstColumn.set(folded, column);
  });

  const columns: Partial<Record<FieldName, number>> = {};
  const headers: Partial<Record<FieldName, string>> = {};
  const used = new Set<number>();
  for (const field of FIELD_NAMES) {
    for (const header of acceptedHeaders(settings, field)) {
      const column = firstColumn.get(header);
      if (column === undefined) continue;
      columns[field] = column;
      headers[field] = found[column]!;
      used.add(column);
      break;
    }
  }
  const unmapped = found.filter((header, column) => header !== '' && !used.has(column));
  return { columns, headers, unmapped, found, fieldCount: cells.length };
}

/**
 * SPEC §1: a required field missing is a usage error naming the file, the field,
 * the headers found and the config key that maps it. All missing fields at once.
 */
export function checkRequiredFields(map: HeaderMap, settings: SourceSettings, headerRow: number): void {
  const missing = missingRequiredFields(map, settings);
  if (missing.length === 0) return;
  const lines = missing.map((required) => {
    const fields = typeof required === 'string' ? [required] : required;
    const names = fields.map((field) => `"${field}" (${HEADER_SYNONYMS[field].join(', ')})`).join(' or ');
    const key = `sources.${settings.source}.columns.${fields[0]}`;
    return `  required field ${names} not found — if the file names it differently, map it in the config file: ${key} = "<header in the file>"`;
  });
  const found = map.found.filter(Boolean).join(', ') || '(none)';
  throw new RollcallError(
    'schema',
    `${settings.file}: ${missing.length === 1 ? 'a required field is' : `${missing.length} required fields are`} missing from the ${settings.source} file (header on row ${headerRow}):\n${lines.join('\n')}\n  headers found: ${found}`,
  );
}

/** The required fields (or groups of alternatives) a header does not map. */
export function missingRequiredFields(map: HeaderMap, settings: SourceSettings): (FieldName | readonly FieldName[])[] {
  return REQUIRED_FIELDS[settings.source].filter((required) =>
    typeof required === 'string' ? map.columns[required] === undefined : required.every((field) => map.columns[field] === undefined),
  );
}

/**
 * A header over two rows (merged cells: 学籍信息 above 学校名称 and 学籍状态): the
 * required fields the header row lacks are named on the row below it. Mapping them
 * under "columns" cannot help (a header is one row), so the message says to make
 * the header one row.
 */
export function checkTwoRowHeader(map: HeaderMap, below: readonly Cell[], settings: SourceSettings, headerRow: number): void {
  // Only a row that was taken for a header by its names (two or more) can go on below.
  if (Object.keys(map.columns).length < 2) return;
  const next = mapHeaders(below, settings);
  const found = missingRequiredFields(map, settings).flatMap((required) =>
    (typeof required === 'string' ? [required] : required).flatMap((field) => (next.headers[field] ? [next.headers[field]] : [])),
  );
  if (found.length === 0) return;
  throw new RollcallError('schema', {
    key: 'xlsx.header_two_rows',
    params: { file: settings.file, row: headerRow, next: headerRow + 1, headers: found.join(', ') },
  });
}
