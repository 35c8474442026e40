import { HEADER_SYNONYMS, type SourceSettings } from '../config/index.js';
import { FIELD_NAMES, REQUIRED_FIELDS, RollcallError, type FieldName } from '../domain/index.js';
import { foldText } from '../normalize/index.js';
import { both, t } from '../i18n/index.js';
import type { Cell } from './rows.js';
import { misplacedPovertyRoll, recogniseSource, type SourceSignature } from './source-signature.js';

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

  // SPEC §1: a header matches only when it is equal after folding (乡 never takes
  // 乡镇's place), and a column feeds one field at most. Config headers are placed
  // first, then the synonyms in their order of preference.
  const columns: Partial<Record<FieldName, number>> = {};
  const headers: Partial<Record<FieldName, string>> = {};
  const used = new Set<number>();
  const place = (field: FieldName, candidates: readonly string[]) => {
    if (columns[field] !== undefined) return;
    for (const header of candidates) {
      const column = firstColumn.get(header);
      if (column === undefined || used.has(column)) continue;
      columns[field] = column;
      headers[field] = found[column]!;
      used.add(column);
      return;
    }
  };
  for (const field of FIELD_NAMES) place(field, settings.columns[field] ?? []);
  for (const field of FIELD_NAMES) place(field, HEADER_SYNONYMS[field].map(foldText));
  const unmapped = found.filter((header, column) => header !== '' && !used.has(column));
  return { columns, headers, unmapped, found, fieldCount: cells.length };
}

/**
 * SPEC §1: a required field missing is a usage error naming the file, the field,
 * the headers found and the config key that maps it. All missing fields at once.
 */
export function checkRequiredFields(map: HeaderMap, settings: SourceSettings, headerRow: number): void {
  const missing = REQUIRED_FIELDS[settings.source].filter((required) =>
    typeof required === 'string' ? map.columns[required] === undefined : required.every((field) => map.columns[field] === undefined),
  );
  if (missing.length === 0) {
    const misplaced = settings.source === 'poverty' ? misplacedPovertyRoll(map) : null;
    if (misplaced) throw otherSourceError(settings, misplaced);
    return;
  }
  // SPEC §6: a file whose headers belong to another source is named as such.
  const signature = recogniseSource(map);
  if (signature && signature.source !== settings.source) throw otherSourceError(settings, signature);
  const lines = missing.map((required) => {
    const fields = typeof required === 'string' ? [required] : required;
    const names = fields.map((field) => `"${field}" (${HEADER_SYNONYMS[field].join(', ')})`);
    const or = both('schema.field_or');
    const key = `sources.${settings.source}.columns.${fields[0]}`;
    return both('schema.missing_field', { names: { zh: names.join(or.zh), en: names.join(or.en) }, key });
  });
  const found = map.found.filter(Boolean).join(', ');
  const what = missing.length === 1 ? both('schema.one_missing') : both('schema.many_missing', { count: missing.length });
  throw new RollcallError('schema', {
    key: 'schema.missing_fields',
    params: {
      file: settings.file,
      what,
      source: { zh: t(`report.source_long.${settings.source}`, 'zh'), en: settings.source },
      row: headerRow,
      list: { zh: lines.map((line) => line.zh).join('\n'), en: lines.map((line) => line.en).join('\n') },
      found: found || both('schema.none'),
    },
  });
}

function otherSourceError(settings: SourceSettings, signature: SourceSignature): RollcallError {
  return new RollcallError('schema', {
    key: 'schema.other_source',
    params: {
      file: settings.file,
      headers: signature.headers.join(', '),
      found: both(`report.source_long.${signature.source}`),
      found_flag: signature.source,
      expected: both(`report.source_long.${settings.source}`),
    },
  });
}
