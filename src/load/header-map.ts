import { HEADER_SYNONYMS, type SourceSettings } from '../config/index.js';
import { FIELD_NAMES, REQUIRED_FIELDS, RollcallError, sourceText, type FieldName } from '../domain/index.js';
import { foldText } from '../normalize/index.js';
import { both, listedBoth, type Text } from '../i18n/index.js';
import type { Cell } from './rows.js';
import { misplacedHousehold, misplacedPovertyRoll, recogniseSource, type SourceSignature } from './source-signature.js';

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
  /** A header a field reads that more than one column has (the first would win silently), or null. */
  readonly duplicate: { readonly header: string; readonly columns: readonly number[] } | null;
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
  const columnsOf = new Map<string, number[]>();
  found.forEach((header, column) => {
    const folded = foldHeader(header);
    if (!folded) return;
    const columns = columnsOf.get(folded);
    if (columns) columns.push(column);
    else columnsOf.set(folded, [column]);
  });

  // SPEC §1: a header matches only when it is equal after folding (乡 never takes
  // 乡镇's place), and a column feeds one field at most. Config headers are placed
  // first, then the synonyms in their order of preference.
  const columns: Partial<Record<FieldName, number>> = {};
  const headers: Partial<Record<FieldName, string>> = {};
  const used = new Set<number>();
  let duplicate: HeaderMap['duplicate'] = null;
  const place = (field: FieldName, candidates: readonly string[]) => {
    if (columns[field] !== undefined) return;
    for (const header of candidates) {
      const all = columnsOf.get(header);
      const column = all?.[0];
      if (column === undefined || used.has(column)) continue;
      columns[field] = column;
      headers[field] = found[column]!;
      used.add(column);
      if (all!.length > 1) duplicate ??= { header: found[column]!, columns: all! };
      return;
    }
  };
  for (const field of FIELD_NAMES) place(field, settings.columns[field] ?? []);
  for (const field of FIELD_NAMES) place(field, HEADER_SYNONYMS[field].map(foldText));
  const unmapped = found.filter((header, column) => header !== '' && !used.has(column));
  return { columns, headers, unmapped, found, fieldCount: cells.length, duplicate };
}

/**
 * Two columns with the header a field reads (an extra, empty 身份证号 before the
 * real one): which one holds the data cannot be known, so the run stops naming the
 * header and both columns rather than read the first and report thousands of false cases.
 */
export function checkDuplicateHeader(map: HeaderMap, settings: SourceSettings, headerRow: number): void {
  const duplicate = map.duplicate;
  if (!duplicate) return;
  throw new RollcallError('schema', {
    key: 'schema.duplicate_header',
    params: {
      file: settings.file,
      row: headerRow,
      header: duplicate.header,
      count: duplicate.columns.length,
      columns: listedBoth(duplicate.columns.map(columnText)),
    },
  });
}

/** A column (from 0) as a clerk finds it, in a CSV or a workbook: 第 3 列（C 列）, column 3 (C). */
export function columnText(index: number): Text {
  return both('schema.column', { number: index + 1, letter: columnLetter(index) });
}

/** A column as Excel names it: 0 → A, 26 → AA. */
function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * SPEC §1: a required field missing is a usage error naming the file, the field,
 * the headers found and the config key that maps it. All missing fields at once.
 */
export function checkRequiredFields(map: HeaderMap, settings: SourceSettings, headerRow: number): void {
  const missing = missingRequiredFields(map, settings);
  if (missing.length === 0) {
    // A household register needs only names and IDs since its status became optional
    // (SPEC §1): a registry or poverty roll given as --household must not pass for one.
    const misplaced =
      settings.source === 'poverty' ? misplacedPovertyRoll(map) : settings.source === 'household' ? misplacedHousehold(map) : null;
    if (misplaced) throw otherSourceError(settings, misplaced);
    return;
  }
  // A row of data taken for the header: its cells are a child's name, ID and birth date,
  // which must never reach a message (a cron log, a mail). Say what it is instead.
  if (map.found.some(looksLikeData)) {
    throw new RollcallError('schema', {
      key: 'io.header_looks_like_data',
      params: { file: settings.file, source: sourceText(settings.source), row: headerRow },
    });
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
      source: sourceText(settings.source),
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

/**
 * A cell that is a value, not a column name: an ID number (15 or 18 characters, or
 * any long run of digits), a student number, a date, or a person's name. Header
 * texts name things (姓名, 身份证号, 出生日期…), so a short all-Chinese cell without a
 * naming character is taken for a name: when in doubt, the row is not echoed.
 */
export function looksLikeData(cell: string): boolean {
  const text = cell.trim();
  if (text === '') return false;
  if (/\d{6,}/.test(text)) return true; // IDs, student numbers, phone numbers, 20150305
  if (/^(1[89]|20)\d{2}\s*[-/.年]\s*\d{1,2}/.test(text)) return true; // 2015-03-05, 2015年3月
  if (/^\w{3} \w{3} \d{2} \d{4}/.test(text)) return true; // a workbook date cell as text
  if (/^\d+(\.\d+)?$/.test(text)) return true; // any other number
  return isNameLike(text);
}

/** Characters that column names use and personal names almost never end with. */
const HEADER_CHARACTERS = /[名号码期别态校级班镇乡村街道区址话户系型况因份数称类龄注备式间位属居口由目标识籍件证族人长主疾守迁单性业历况]/u;

function isNameLike(text: string): boolean {
  return /^[\p{Script=Han}·•]{2,5}$/u.test(text) && !HEADER_CHARACTERS.test(text);
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
