import { createHash } from 'node:crypto';
import { CLOSING_OUTCOMES, formatDay, isClosingOutcome, type FollowUpEntry } from '../domain/index.js';
import { listed, type MessageKey, type Params } from '../i18n/index.js';
import { INVALID_DATE, parseDateCell, parseDateText } from '../normalize/index.js';
import { maskIdsInText } from '../report/index.js';
import { listValues, parseListValue, REQUIRED_FIELDS, valueLabel, type FillField } from './vocabulary.js';

// SPEC §9: one follow-up entry as a person wrote it (a pack row, or `ledger record`'s
// options), checked before anything is added: every problem of the entry at once.

/** A cell as exceljs reads it, or an option's text. */
export type RawValue = string | number | Date | null;

export type RawEntry = Readonly<Record<FillField, RawValue>>;

/** A follow-up entry (SPEC §9) that passed every check, for one case. */
export interface CheckedEntry extends FollowUpEntry {
  readonly caseId: string;
  /** The same content gives the same key: a row imported twice adds nothing the second time. */
  readonly importKey: string;
}

export interface EntryProblem {
  readonly field: FillField;
  readonly key: MessageKey;
  readonly params: Params;
}

export interface CheckContext {
  readonly caseIds: ReadonlySet<string>;
  /** YYYY-MM-DD: a follow-up date may not be after it. */
  readonly today: string;
  /** Labels in the problems' language. */
  readonly lang: 'zh' | 'en';
}

/** The earliest follow-up date accepted, by the import, `ledger record` and the pack's own date check (a mistyped year). */
export const EARLIEST_DATE = '2000-01-01';

/** Excel counts days from 1899-12-30 (a date cell saved without its date format reads as this number). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * Decision (docs/DECISIONS.md, follow-up): a closing outcome closes the case
 * whatever the kind (a 核实 that finds the child at school elsewhere closes it, as
 * states.ts already reads entries); only 销号 without a closing outcome is wrong.
 */
export function checkEntry(raw: RawEntry, context: CheckContext): { entry: CheckedEntry | null; problems: EntryProblem[] } {
  const problems: EntryProblem[] = [];
  const problem = (field: FillField, key: MessageKey, params: Params = {}) => problems.push({ field, key, params });
  const text = (field: FillField) => cellText(raw[field]);
  for (const field of REQUIRED_FIELDS) if (text(field) === '') problem(field, 'followup.row.required');

  const caseId = text('case_id');
  if (caseId !== '' && !context.caseIds.has(caseId)) problem('case_id', 'followup.row.unknown_case', { value: shown(caseId) });

  let date = '';
  if (text('date') !== '') {
    const day = readDay(raw.date);
    if (day === INVALID_DATE || day === 0) problem('date', 'followup.row.bad_date', { value: shown(text('date')) });
    else if (formatDay(day) > context.today) problem('date', 'followup.row.future_date', { value: formatDay(day), today: context.today });
    else if (formatDay(day) < EARLIEST_DATE) problem('date', 'followup.row.early_date', { value: formatDay(day), earliest: EARLIEST_DATE });
    else date = formatDay(day);
  }

  const allowed = (vocabulary: 'kind' | 'method' | 'outcome') => listed(listValues(vocabulary, context.lang), context.lang);
  const kind = text('kind') === '' ? null : parseListValue('kind', text('kind'));
  if (text('kind') !== '' && kind === null)
    problem('kind', 'followup.row.not_in_list', { value: shown(text('kind')), allowed: allowed('kind') });
  const method = text('method') === '' ? null : parseListValue('method', text('method'));
  if (text('method') !== '' && method === null)
    problem('method', 'followup.row.not_in_list', { value: shown(text('method')), allowed: allowed('method') });
  const outcome = text('outcome') === '' ? null : parseListValue('outcome', text('outcome'));
  if (text('outcome') !== '' && outcome === null)
    problem('outcome', 'followup.row.not_in_list', { value: shown(text('outcome')), allowed: allowed('outcome') });
  if (kind === 'close' && (text('outcome') === '' || (outcome !== null && !isClosingOutcome(outcome)))) {
    const closing = listed(
      CLOSING_OUTCOMES.map((code) => valueLabel('outcome', code, context.lang)),
      context.lang,
    );
    problem('outcome', 'followup.row.close_without_outcome', { value: shown(text('outcome')), allowed: closing });
  }

  if (problems.length > 0 || kind === null) return { entry: null, problems };
  const note = text('note');
  const by = text('by');
  const importKey = createHash('sha256')
    .update(JSON.stringify([caseId, date, kind, method, outcome, note, by]))
    .digest('hex');
  return { entry: { caseId, date, kind, method, outcome, note, by, importKey }, problems };
}

/** True when a person wrote nothing in any fill-in column but the key (a row nobody followed up is skipped). */
export function isBlank(raw: RawEntry): boolean {
  return (['date', 'kind', 'method', 'outcome', 'note', 'by'] as const).every((field) => cellText(raw[field]) === '');
}

/**
 * A value as a problem may quote it: what the clerk wrote helps them find it, but an
 * ID number typed into the wrong column must not travel in a message (masked), and a
 * long text is cut.
 */
function shown(text: string): string {
  const masked = maskIdsInText(text);
  return masked.length > 40 ? `${[...masked].slice(0, 40).join('')}…` : masked;
}

export function cellText(value: RawValue): string {
  if (value === null) return '';
  if (value instanceof Date) {
    const day = parseDateCell(value);
    return day > 0 ? formatDay(day) : String(value);
  }
  return String(value).trim();
}

function readDay(value: RawValue): number {
  if (value instanceof Date) return parseDateCell(value);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 2_958_465) return INVALID_DATE;
    return parseDateCell(new Date(EXCEL_EPOCH + value * 86_400_000));
  }
  return parseDateText(String(value ?? ''));
}
