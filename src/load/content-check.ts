import { RollcallError, sourceText, type FieldName, type RejectReason } from '../domain/index.js';
import { listedBoth, type MessageKey, type Params } from '../i18n/index.js';
import type { LoadedSource } from './load-source.js';
import type { LoadedSources } from './load-sources.js';

/**
 * A column is destroyed, not merely untidy, when more than this share of its
 * non-empty cells cannot be used in the same way (docs/DECISIONS.md)…
 */
const MAX_UNUSABLE_SHARE = 0.05;
/** …and at least this many: a handful of bad cells stays a handful of cases. */
const MIN_UNUSABLE_CELLS = 10;

/**
 * More than this share of a source's rows rejected for their broken shape stops the run:
 * the ledger's input guard allows a source 20 % fewer rows than the night before,
 * and a first night (or one without a ledger) has nothing to compare with.
 */
const MAX_REJECTED_SHARE = 0.2;
/**
 * Rows whose shape is broken. Not blank rows, a header pasted again, or rows that name
 * no one (序号 numbered ahead of the names, a school filled down a class template):
 * untidy, not damaged.
 */
const BROKEN_ROWS: ReadonlySet<RejectReason> = new Set(['field_count', 'unclosed_quote', 'broken_quotes']);

/**
 * Stops the run (exit 2, before anything is written) when a source's content was
 * destroyed on its way here: no data rows, most rows of broken shape, a column of IDs
 * a spreadsheet stored as numbers, a column of dates that cannot be read, a column of
 * formulas never calculated. Read with the counts the loader keeps anyway: no pass
 * over the rows.
 */
export function checkLoadedSources(loaded: LoadedSources): void {
  for (const source of Object.values(loaded)) checkSourceContent(source);
}

function checkSourceContent(source: LoadedSource): void {
  const where = { source: sourceText(source.source), file: source.file };
  if (source.rowsRead === 0) throw new RollcallError('schema', { key: 'io.no_data_rows', params: { ...where, row: source.headerRow } });
  if (source.rowsAccepted === 0)
    throw new RollcallError('schema', { key: 'io.no_usable_rows', params: { ...where, rows: source.rowsRead } });
  // Rows rejected for their broken shape: a damaged file (a wrong delimiter), not an untidy one.
  const broken = source.rejected.filter((row) => BROKEN_ROWS.has(row.reason)).length;
  if (broken >= MIN_UNUSABLE_CELLS && broken > source.rowsRead * MAX_REJECTED_SHARE)
    throw new RollcallError('file_format', {
      key: 'io.most_rows_rejected',
      params: { ...where, rows: source.rowsRead, count: broken, limit: MAX_REJECTED_SHARE * 100 },
    });

  const stop = (key: MessageKey, field: FieldName, count: number, params: Params): never => {
    throw new RollcallError('file_format', {
      key,
      params: {
        ...where,
        column: source.fields[field] ?? field,
        count,
        limit: MAX_UNUSABLE_SHARE * 100,
        min: MIN_UNUSABLE_CELLS,
        ...params,
      },
    });
  };
  // Formula cells with no saved value are empty to the record builder: their share of the data rows.
  for (const [field, count] of Object.entries(source.formulasByField) as [FieldName, number][]) {
    if (tooMany(count, source.rowsRead)) stop('io.column_formulas_without_value', field, count, { rows: source.rowsRead });
  }
  const { problems } = source;
  if (source.fields.id_number !== undefined) {
    const states = Object.values(problems.idStates).reduce((sum, n) => sum + n, 0);
    const withId = states - problems.idStates.empty;
    // A roster's rows are matched by student number first (SPEC §4): a lost ID matters only on a row without one.
    const lost = source.source === 'attendance' ? problems.idDigitsLostWithoutStudentNo : problems.idDigitsLost;
    if (tooMany(lost, withId)) stop('io.column_ids_digits_lost', 'id_number', lost, { total: withId });
  }
  // A clerk's 不详 / 未知 / — is no date, but nothing destroyed it either.
  const badDates = problems.badDateCount - problems.unknownDateCount;
  const dates = problems.dateCount - problems.unknownDateCount;
  if (source.fields.birth_date !== undefined && tooMany(badDates, dates)) {
    const first = problems.destroyedDates;
    stop('io.column_dates_unreadable', 'birth_date', badDates, { total: dates, rows: listedBoth(first) });
  }
}

function tooMany(count: number, of: number): boolean {
  return count >= MIN_UNUSABLE_CELLS && count > of * MAX_UNUSABLE_SHARE;
}
