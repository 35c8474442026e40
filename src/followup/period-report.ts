import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import {
  isOpenState,
  CLOSING_OUTCOMES,
  daysInMonth,
  isClosingOutcome,
  isConfirmedOutcome,
  peoplesEntries,
  RollcallError,
  type ClosingOutcome,
} from '../domain/index.js';
import { t, type Lang } from '../i18n/index.js';
import { removedIfInterrupted } from '../lock/index.js';
import { closureOf, decidingEntry, reopenedSince, type LedgerStore } from '../ledger/index.js';
import { valueLabel } from './vocabulary.js';
import { withLedger } from './with-ledger.js';

// SPEC §9 reports: 学校一月一报告 (--month) and 一季度一复核 (--quarter), per school
// and per township, from the ledger alone: cases found in the period, confirmed,
// persuasion entries, returned, closed by outcome, still open at the period's end.

export interface Period {
  readonly kind: 'month' | 'quarter';
  /** As written: 2026-09 or 2026Q3. */
  readonly label: string;
  /** YYYY-MM-DD, both included. */
  readonly from: string;
  readonly to: string;
}

export interface PeriodFigures {
  found: number;
  confirmed: number;
  persuasions: number;
  returned: number;
  closed: Record<ClosingOutcome, number>;
  stillOpen: number;
}

export interface PeriodRow extends PeriodFigures {
  readonly township: string;
  /** '' on the per-township rows. */
  readonly school: string;
}

export interface PeriodReport {
  readonly period: Period;
  /** The ledger's latest run (what the figures know of). */
  readonly asOf: string;
  readonly bySchool: readonly PeriodRow[];
  readonly byTownship: readonly PeriodRow[];
  readonly total: PeriodFigures;
}

export function parseMonth(text: string): Period {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) throw new RollcallError('usage', { key: 'followup.report.bad_month', params: { value: text } });
  const year = Number(m[1]);
  return {
    kind: 'month',
    label: text,
    from: `${m[1]}-${m[2]}-01`,
    to: `${m[1]}-${m[2]}-${String(daysInMonth(year, month)).padStart(2, '0')}`,
  };
}

export function parseQuarter(text: string): Period {
  const m = /^(\d{4})[Qq]([1-4])$/.exec(text);
  if (!m) throw new RollcallError('usage', { key: 'followup.report.bad_quarter', params: { value: text } });
  const year = Number(m[1]);
  const first = (Number(m[2]) - 1) * 3 + 1;
  const last = first + 2;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    kind: 'quarter',
    label: `${m[1]}Q${m[2]}`,
    from: `${m[1]}-${pad(first)}-01`,
    to: `${m[1]}-${pad(last)}-${pad(daysInMonth(year, last))}`,
  };
}

export function computePeriodReport(store: LedgerStore, period: Period): PeriodReport {
  const cases = store.cases();
  const entries = store.entries();
  const runs = store.runs();
  const lastRun = runs.filter((run) => run.as_of <= period.to).at(-1) ?? null;
  const openAtEnd = lastRun ? store.nightsOfRun(lastRun.id) : new Map<string, { state: string }>();
  const within = (date: string) => date >= period.from && date <= period.to;

  const bySchool = new Map<string, PeriodRow>();
  const rowOf = (township: string, school: string): PeriodRow => {
    const key = JSON.stringify([township, school]);
    let row = bySchool.get(key);
    if (!row) bySchool.set(key, (row = { township, school, ...emptyFigures() }));
    return row;
  };
  for (const [caseId, c] of cases) {
    const list = entries.get(caseId) ?? [];
    const row = rowOf(c.township, c.school);
    if (within(c.first_seen)) row.found++;
    if (list.some((entry) => within(entry.date) && isConfirmedOutcome(entry.outcome))) row.confirmed++;
    // Persuasions people made: rollcall's notices written are not visits.
    row.persuasions += peoplesEntries(list).filter((entry) => within(entry.date) && entry.kind === 'persuade').length;
    if (list.some((entry) => within(entry.date) && entry.outcome === 'returned')) row.returned++;
    const closing = decidingEntry(list.filter((entry) => within(entry.date) && isClosingOutcome(entry.outcome)));
    if (closing && isClosingOutcome(closing.outcome)) row.closed[closing.outcome]++;
    // Open on the last night of the period, and not closed by a person up to the period's end — the
    // ledger's own rule (states.ts): a closing stands unless a night after it found the evidence changed.
    const night = openAtEnd.get(caseId);
    if (night && isOpenState(night.state)) {
      const closure = closureOf(list, period.to);
      const closed =
        closure !== null &&
        !reopenedSince(
          store.nightsOfCase(caseId).filter((n) => n.as_of <= lastRun!.as_of),
          closure,
        );
      if (!closed) row.stillOpen++;
    }
  }
  const schools = [...bySchool.values()].filter(hasFigures).sort(byUnit);
  const townships = new Map<string, PeriodRow>();
  for (const row of schools) {
    let township = townships.get(row.township);
    if (!township) townships.set(row.township, (township = { township: row.township, school: '', ...emptyFigures() }));
    addFigures(township, row);
  }
  const total = emptyFigures();
  for (const row of schools) addFigures(total, row);
  return { period, asOf: runs.at(-1)?.as_of ?? '', bySchool: schools, byTownship: [...townships.values()].sort(byUnit), total };
}

/** `rollcall ledger report`: computes the period's figures and writes the workbook into `out`; returns its path. */
export async function writePeriodReport(
  ledgerFile: string,
  period: Period,
  out: string,
  lang: Lang,
): Promise<{ file: string; report: PeriodReport }> {
  const report = await withLedger(ledgerFile, (store) => computePeriodReport(store, period));
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'rollcall';
  const title = t(period.kind === 'month' ? 'followup.report.month_title' : 'followup.report.quarter_title', lang);
  const heading = t('followup.report.heading', lang, {
    title,
    period: period.label,
    from: period.from,
    to: period.to,
    as_of: report.asOf || '—',
  });
  addSheet(workbook, t('followup.report.by_school', lang), heading, report.bySchool, report.total, true, lang);
  addSheet(workbook, t('followup.report.by_township', lang), heading, report.byTownship, report.total, false, lang);
  await mkdir(out, { recursive: true });
  const file = join(out, `${title}-${period.label}.xlsx`);
  // Written beside and renamed: a reader never sees half a report.
  const temporary = `${file}.tmp-${process.pid}`;
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await removedIfInterrupted(temporary, async () => {
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, file);
  });
  return { file, report };
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  heading: string,
  rows: readonly PeriodRow[],
  total: PeriodFigures,
  schools: boolean,
  lang: Lang,
): void {
  const headers = [
    t('ledger.col.township', lang),
    ...(schools ? [t('ledger.col.school', lang)] : []),
    t('followup.report.col.found', lang),
    t('followup.report.col.confirmed', lang),
    t('followup.report.col.persuasions', lang),
    t('followup.report.col.returned', lang),
    ...CLOSING_OUTCOMES.map((outcome) => t('followup.report.col.closed_by', lang, { outcome: valueLabel('outcome', outcome, lang) })),
    t('followup.report.col.closed', lang),
    t('followup.report.col.still_open', lang),
  ];
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
    headerFooter: { oddFooter: '&C&P / &N' },
  });
  sheet.columns = headers.map((_, i) => ({ width: i === 0 ? 14 : schools && i === 1 ? 24 : 10 }));
  sheet.mergeCells(1, 1, 1, headers.length);
  const title = sheet.getCell(1, 1);
  title.value = heading;
  title.font = { bold: true, size: 13 };
  sheet.getRow(1).height = 24;
  const header = sheet.getRow(2);
  header.values = headers;
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 45;
  const none = t('ledger.summary.none', lang);
  for (const row of rows) sheet.addRow([row.township || none, ...(schools ? [row.school || none] : []), ...figureCells(row)]);
  const totalRow = sheet.addRow([t('followup.report.total', lang), ...(schools ? [''] : []), ...figureCells(total)]);
  totalRow.font = { bold: true };
  for (let r = 2; r <= sheet.rowCount; r++) {
    sheet.getRow(r).eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
  }
}

function figureCells(figures: PeriodFigures): number[] {
  const closed = CLOSING_OUTCOMES.map((outcome) => figures.closed[outcome]);
  return [
    figures.found,
    figures.confirmed,
    figures.persuasions,
    figures.returned,
    ...closed,
    closed.reduce((a, b) => a + b, 0),
    figures.stillOpen,
  ];
}

function emptyFigures(): PeriodFigures {
  return {
    found: 0,
    confirmed: 0,
    persuasions: 0,
    returned: 0,
    closed: Object.fromEntries(CLOSING_OUTCOMES.map((outcome) => [outcome, 0])) as Record<ClosingOutcome, number>,
    stillOpen: 0,
  };
}

function addFigures(sum: PeriodFigures, row: PeriodFigures): void {
  sum.found += row.found;
  sum.confirmed += row.confirmed;
  sum.persuasions += row.persuasions;
  sum.returned += row.returned;
  for (const outcome of CLOSING_OUTCOMES) sum.closed[outcome] += row.closed[outcome];
  sum.stillOpen += row.stillOpen;
}

function hasFigures(row: PeriodFigures): boolean {
  return (
    row.found + row.confirmed + row.persuasions + row.returned + row.stillOpen + Object.values(row.closed).reduce((a, b) => a + b, 0) > 0
  );
}

const collator = new Intl.Collator('zh-Hans-CN');

function byUnit(a: PeriodRow, b: PeriodRow): number {
  return collator.compare(a.township, b.township) || collator.compare(a.school, b.school);
}
