import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { classify } from '../classify/index.js';
import type { Settings } from '../config/index.js';
import { formatDay, type LedgerView, type SourceName } from '../domain/index.js';
import { linkSources } from '../link/index.js';
import { loadSources, type LoadedSources, type SourceProgress } from '../load/index.js';
import type { PackInput } from '../followup/index.js';
import type { LedgerRun, RunSourceRow } from '../ledger/index.js';
import { listSchoolAgeChildren } from './school-age-children.js';
import { pauseForTest } from './test-pause.js';
import { buildSummary, startWorkbookWriter, writeReports, type Lang, type Summary, type WorkbookWriter } from '../report/index.js';

export interface ReconcileOptions {
  readonly out: string;
  readonly lang: Lang;
  readonly maskIds: boolean;
  readonly version: string;
  readonly logger: Logger;
  readonly onProgress?: SourceProgress;
  /** Called when the inputs are read, before the slow stages (to clear a progress line). */
  readonly onLoaded?: () => void;
  /** SPEC §8: let a source shrink by more than the guard allows (recorded on the run). */
  readonly acceptShrink?: boolean;
}

export interface ReconcileResult {
  readonly summary: Summary;
  readonly files: readonly string[];
  /** Rows whose status is in no status list, per source: they count as neither active nor living. */
  readonly unknownStatuses: Partial<Record<SourceName, number>>;
  /** With a ledger: what changed since the previous run. */
  readonly ledger: LedgerView | null;
}

/**
 * The one place that knows the order of the stages (STYLE 1):
 * loadSources → link → classify → ledger (states) → writeReports.
 * Nothing is written until every input has been read and checked (SPEC §6).
 *
 * With a ledger (SPEC §8) the order of the writes is: the lock is taken first
 * (a second run stops at once); the inputs are read and guarded; the states are
 * decided (reading the ledger only); every report file is written into the
 * temporary folder; the ledger is backed up and the run committed in one
 * transaction; then the folder replaces the previous report. A kill before the
 * commit leaves the ledger and the report as they were. A kill in the moment
 * between the commit and the rename leaves the new run in the ledger and the
 * previous report in place: the ledger is never behind a report (a pack or list a
 * clerk holds never names a case the ledger does not know), and the next run —
 * re-run with the same as-of, it replaces that run — writes the report again.
 */
export async function reconcile(settings: Settings, options: ReconcileOptions): Promise<ReconcileResult> {
  const timer = stageTimer();
  // Only a run with a ledger loads the ledger's code (and SQLite): the plain run keeps its speed.
  const ledger = settings.ledger ? await openLedger(settings, options) : null;
  try {
    // Started now, so that exceljs loads on the other core while the inputs are read.
    const workbooks = startWorkbookWriter();
    try {
      return await runStages(settings, options, timer, workbooks, ledger);
    } finally {
      workbooks.close();
    }
  } finally {
    await ledger?.close();
  }
}

async function openLedger(settings: Settings, options: ReconcileOptions): Promise<LedgerRun> {
  const { openLedgerRun } = await import('../ledger/index.js');
  return openLedgerRun({
    file: settings.ledger!,
    asOf: formatDay(settings.asOf),
    version: options.version,
    maxShrink: settings.maxShrink,
    acceptShrink: options.acceptShrink === true,
    pause: pauseForTest,
  });
}

async function runStages(settings: Settings, options: ReconcileOptions, timer: { lap(): number }, workbooks: WorkbookWriter, ledger: LedgerRun | null): Promise<ReconcileResult> {
  const { logger } = options;
  const loaded = await loadSources(settings, options.onProgress);
  options.onLoaded?.();
  const unknownStatuses = logLoaded(logger, loaded, timer.lap());
  const sources = Object.values(loaded).map(runSource);
  ledger?.guard(sources);
  pauseForTest('loaded');

  const linked = linkSources({
    // The household register stays in columns; the smaller sources become records.
    registry: loaded.registry!.records.toRecords(),
    household: loaded.household!.records,
    idKeys: loaded.household!.records.idKeys,
    poverty: loaded.poverty?.records.toRecords() ?? null,
    attendance: loaded.attendance?.records.toRecords() ?? null,
    attendanceNamesSchools: loaded.attendance ? loaded.attendance.fields.school !== undefined || loaded.attendance.fields.school_code !== undefined : false,
    county: settings.county,
  });
  logger.info({ stage: 'link', ms: timer.lap(), ...linked.counts, county_inferred: linked.county.inferred }, 'records linked');

  const { cases, findings } = classify({ data: linked, referenceDay: settings.referenceDay, schoolAge: settings.schoolAge });
  const summary = buildSummary(options.version, settings, loaded, linked, cases);
  logger.info({ stage: 'classify', ms: timer.lap(), cases: summary.cases.by_category }, 'cases classified');

  const view = ledger ? ledger.decide(cases) : null;
  const children = view ? listSchoolAgeChildren(linked, cases, settings) : undefined;
  if (view) {
    summary.ledger = view.summary;
    logger.info({ stage: 'ledger', ms: timer.lap(), ...view.summary }, 'case states decided');
  }
  pauseForTest('states-decided');

  const rejected = Object.values(loaded).flatMap((source) => source.rejected);
  const beforeReplace = ledger
    ? async () => {
        pauseForTest('reports-written');
        await ledger.commit(sources, summary.cases.by_category);
        pauseForTest('ledger-committed');
      }
    : undefined;
  // SPEC §9: with a ledger, the packs for the townships and schools go into the same folder, replaced with it.
  const packs: PackInput | null =
    ledger && view ? { cases, ledger: view, ledgerId: ledger.ledgerId, asOf: view.summary.run, lang: options.lang, maskIds: options.maskIds } : null;
  const moreFiles = packs ? (dir: string) => writeFollowUpPacks(dir, packs) : undefined;
  const files = await writeReports(
    options.out,
    { summary, cases, findings, rejected, lang: options.lang, maskIds: options.maskIds, ...(view ? { ledger: view, children, beforeReplace, moreFiles } : {}) },
    workbooks,
  );
  logger.info({ stage: 'report', ms: timer.lap(), files: files.length }, 'reports written');
  return { summary, files, unknownStatuses, ledger: view };
}

/** The packs' folders, not every pack: a county has hundreds of schools, the terminal names the folders. */
async function writeFollowUpPacks(dir: string, input: PackInput): Promise<string[]> {
  const { writePacks } = await import('../followup/index.js');
  const files = await writePacks(dir, input);
  return [...new Set(files.map((file) => `${dirname(file)}/`))];
}

/** What the ledger records of a source (SPEC §8 runs): file, size, time, SHA-256, rows. */
function runSource(source: LoadedSources[keyof LoadedSources] & object): RunSourceRow {
  return {
    source: source.source,
    file: source.file,
    size: source.fingerprint.size,
    mtime: source.fingerprint.mtime,
    sha256: source.fingerprint.sha256,
    rows_read: source.rowsRead,
    rows_accepted: source.rowsAccepted,
    rows_rejected: source.rowsRejected,
  };
}

function logLoaded(logger: Logger, loaded: LoadedSources, ms: number): Partial<Record<SourceName, number>> {
  const unknownStatuses: Partial<Record<SourceName, number>> = {};
  for (const source of Object.values(loaded)) {
    logger.info(
      { stage: 'load', source: source.source, format: source.format, encoding: source.encoding, rows_read: source.rowsRead, rows_accepted: source.rowsAccepted, rows_rejected: source.rowsRejected },
      'source read',
    );
    const unknown = [...source.problems.unknownStatuses.values()].reduce((sum, count) => sum + count, 0);
    if (unknown > 0) {
      unknownStatuses[source.source] = unknown;
      logger.warn({ source: source.source, rows: unknown }, 'status texts in no status list: run rollcall inspect');
    }
  }
  logger.info({ stage: 'load', ms }, 'sources read');
  return unknownStatuses;
}

function stageTimer(): { lap(): number } {
  let last = performance.now();
  return {
    lap() {
      const now = performance.now();
      const ms = Math.round(now - last);
      last = now;
      return ms;
    },
  };
}
