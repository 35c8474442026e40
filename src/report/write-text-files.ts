import { CATEGORIES, type Case, type CaseLedger, type ResolvedCase } from '../domain/index.js';
import { t } from '../i18n/index.js';
import type { RejectedRow } from '../load/index.js';
import { csvFile, csvText } from './cell-safety.js';
import { CASE_COLUMNS, type CaseListing } from './case-rows.js';
import { columnLabel, type Column, type Lang } from './labels.js';
import { writeReportFile } from './output-dir.js';
import type { Summary } from '../domain/index.js';

/** SPEC §7 cases.jsonl: one case a line, contract keys, the classifier's stable order, full IDs. */
export async function writeCasesJsonl(dir: string, cases: readonly Case[], ledger?: ReadonlyMap<string, CaseLedger>): Promise<void> {
  // SPEC §8: with a ledger, each line carries `ledger` (state, first_seen, nights, follow_up).
  const line = ledger ? (c: Case) => JSON.stringify({ ...c, ledger: ledger.get(c.case_id) }) : (c: Case) => JSON.stringify(c);
  await writeReportFile(dir, 'cases.jsonl', cases.map((c) => `${line(c)}\n`).join(''));
}

/** SPEC §8 resolved.jsonl: each case open after the previous run and not found tonight, as last seen. */
export async function writeResolvedJsonl(dir: string, resolved: readonly ResolvedCase[]): Promise<void> {
  await writeReportFile(dir, 'resolved.jsonl', resolved.map((c) => `${JSON.stringify(c)}\n`).join(''));
}

export async function writeSummaryJson(dir: string, summary: Summary): Promise<void> {
  await writeReportFile(dir, 'summary.json', `${JSON.stringify(summary, null, 2)}\n`);
}

/**
 * SPEC §7 rejected.csv: every input row that could not be used, with source, row and
 * why. `reason` is a code programs read (English); `detail` is for the clerk, in `lang`.
 */
export async function writeRejectedCsv(dir: string, rejected: readonly RejectedRow[], lang: Lang): Promise<void> {
  const rows = [
    ['source', 'file', 'row', 'reason', 'detail'],
    ...rejected.map((r) => [r.source, r.file, r.row, r.reason, t(r.detail.key, lang, r.detail.params)]),
  ];
  await writeReportFile(dir, 'rejected.csv', csvFile(rows));
}

// 户号 too: a county's household numbers are 15 to 19 digits, and Excel keeps 15 of a number.
const ID_COLUMNS: ReadonlySet<Column> = new Set<Column>(['id_number', 'suggested_id', 'student_no', 'household_no']);

/** One CSV per category (written even when empty), in the order clerks work them. */
export async function writeCategoryCsvs(dir: string, listing: CaseListing, lang: Lang): Promise<string[]> {
  const files: string[] = [];
  const header = CASE_COLUMNS.map((column) => columnLabel(column, lang));
  // SPEC §7: IDs, student numbers (and household numbers) stay text when the CSV is opened by double-click.
  const textColumns = new Set(CASE_COLUMNS.flatMap((column, i) => (ID_COLUMNS.has(column) ? [i] : [])));
  for (const category of CATEGORIES) {
    const rows = listing.rows[category].map((row) => CASE_COLUMNS.map((column) => row[column]));
    const file = `${category}.csv`;
    // The header row has no IDs: its cells are only neutralised.
    await writeReportFile(dir, file, `${csvFile([header])}${csvText(rows, { textColumns })}`);
    files.push(file);
  }
  return files;
}
