import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { classify, classifyContext, describeCoverage } from '../classify/index.js';
import type { Settings } from '../config/index.js';
import { formatDay, isOpenState, NOTICE_ENTRY_BY, type Case, type LedgerView, type SourceName } from '../domain/index.js';
import { linkSources } from '../link/index.js';
import { checkLoadedSources, loadSources, type LoadedSources, type SourceProgress } from '../load/index.js';
import type { PackInput } from '../followup/index.js';
import type { LedgerRun, NewEntry, RunSourceRow } from '../ledger/index.js';
import { t } from '../i18n/index.js';
import { schoolAgeChildren } from './school-age-children.js';
import { buildSummary } from './summary.js';
import { pauseForTest } from './test-pause.js';
import {
  collectEnrolmentSchools,
  loadNoticeTemplate,
  selectNoticeCases,
  openOutputDirectory,
  startWorkbookWriter,
  writeReports,
  type Lang,
  type OutputDirectory,
  type Summary,
  type WorkbookWriter,
  type WriterJob,
} from '../report/index.js';

export interface ReconcileOptions {
  readonly out: string;
  readonly lang: Lang;
  readonly maskIds: boolean;
  /** SPEC §11: write notices/<township>.docx. */
  readonly notices?: boolean;
  readonly version: string;
  /** When the run is made (the workbook's provenance). */
  readonly now?: Date;
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
  /** Workbook formula cells with no saved value, per source: read as empty (issue #11). */
  readonly formulasWithoutValue: Partial<Record<SourceName, number>>;
  /** With a ledger: what changed since the previous run. */
  readonly ledger: LedgerView | null;
}

/**
 * The one place that knows the order of the stages (STYLE 1):
 * loadSources → link → classify → writeReports.
 * Nothing is written until every input has been read and checked (SPEC §6).
 */
export async function reconcile(settings: Settings, options: ReconcileOptions): Promise<ReconcileResult> {
  const timer = stageTimer();
  // Checked and locked first: a bad --out or a run already writing it stops before any input is read (SPEC §6).
  const output = await openOutputDirectory(options.out);
  try {
    // Only a run with a ledger loads the ledger's code (and SQLite): the plain run keeps its speed.
    const ledger = settings.ledger ? await openLedger(settings, options) : null;
    try {
      // Started now, so that exceljs loads on the other core while the inputs are read.
      const workbooks = startWorkbookWriter();
      // The packs' code loads on the writer thread while the inputs are read.
      if (ledger) workbooks.preload(WRITE_PACKS);
      try {
        return await runStages(settings, options, timer, workbooks, output, ledger);
      } finally {
        workbooks.close();
      }
    } finally {
      await ledger?.close();
    }
  } finally {
    await output.release();
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

async function runStages(
  settings: Settings,
  options: ReconcileOptions,
  timer: { lap(): number },
  workbooks: WorkbookWriter,
  output: OutputDirectory,
  ledger: LedgerRun | null,
): Promise<ReconcileResult> {
  const { logger } = options;
  // A bad template is a config error: found before the inputs are read, nothing written.
  const noticeTemplate = options.notices ? await loadNoticeTemplate(settings.notice.template) : null;
  const loaded = await loadSources(settings, options.onProgress);
  options.onLoaded?.();
  const unknownStatuses = logLoaded(logger, loaded, timer.lap());
  // A source whose content was destroyed (no rows, IDs stored as numbers, …) stops here, before anything is written.
  checkLoadedSources(loaded);
  const formulasWithoutValue: Partial<Record<SourceName, number>> = {};
  for (const source of Object.values(loaded)) {
    if (source.formulasWithoutValue === 0) continue;
    formulasWithoutValue[source.source] = source.formulasWithoutValue;
    logger.warn(
      { source: source.source, cells: source.formulasWithoutValue },
      'formula cells without a saved value read as empty: open the workbook in Excel and save it again',
    );
  }
  const sources = Object.values(loaded).map(runSource);
  ledger?.guard(sources);
  pauseForTest('loaded');

  const linked = linkSources({
    // The household register stays in columns; the smaller sources become records.
    registry: loaded.registry!.records.toRecords(),
    household: loaded.household!.records,
    poverty: loaded.poverty?.records.toRecords() ?? null,
    attendance: loaded.attendance?.records.toRecords() ?? null,
    attendanceNamesSchools: loaded.attendance
      ? loaded.attendance.fields.school !== undefined || loaded.attendance.fields.school_code !== undefined
      : false,
    county: settings.county,
  });
  logger.info({ stage: 'link', ms: timer.lap(), ...linked.counts, county_inferred: linked.county.inferred }, 'records linked');

  const context = classifyContext(linked, settings);
  const { cases } = classify(context);
  const summary = buildSummary(options.version, settings, loaded, linked, cases, describeCoverage(context));
  logger.info({ stage: 'classify', ms: timer.lap(), cases: summary.cases.by_category }, 'cases classified');

  const view = ledger ? ledger.decide(cases) : null;
  if (view) {
    summary.ledger = view.summary;
    logger.info({ stage: 'ledger', ms: timer.lap(), ...view.summary }, 'case states decided');
  }
  pauseForTest('states-decided');

  const rejected = Object.values(loaded).flatMap((source) => source.rejected);
  const notices = noticeTemplate
    ? {
        template: noticeTemplate,
        context: {
          settings: settings.notice,
          asOf: settings.asOf,
          referenceDay: settings.referenceDay,
          schools: collectEnrolmentSchools(linked.registry),
        },
        // SPEC §11: with a ledger, notices only for the cases a clerk works (not closed ones).
        ...(view ? { isOpen: (c: Case) => view.cases.get(c.case_id)?.state !== 'closed' } : {}),
      }
    : null;
  // The run is written into the ledger while the writer thread finishes report.xlsx and the
  // packs (this thread would wait for it anyway), and committed once every file is written.
  let ledgerMs = 0;
  const timed = async (work: () => Promise<void> | void) => {
    const started = performance.now();
    await work();
    ledgerMs += performance.now() - started;
  };
  const ledgerSteps = ledger
    ? {
        afterOwnFiles: () =>
          timed(() =>
            ledger.prepare(
              sources,
              summary.cases.by_category,
              noticeEntries(notices ? selectNoticeCases(cases, notices.isOpen) : [], cases, settings),
            ),
          ),
        beforeReplace: async () => {
          pauseForTest('reports-written');
          await timed(() => ledger.commit());
          logger.info({ stage: 'ledger', ms: Math.round(ledgerMs) }, 'ledger backed up and run committed');
          pauseForTest('ledger-committed');
        },
      }
    : {};
  // SPEC §9: with a ledger, the packs for the townships and schools go into the same folder, replaced with it.
  // Written on the writer thread (before report.xlsx): only the open cases and their states cross to it.
  const packs: PackInput | null = ledger && view ? packInput(cases, view, ledger.ledgerId, options) : null;
  const moreFiles = packs ? (dir: string, writer: WorkbookWriter) => writeFollowUpPacks(dir, packs, writer) : undefined;
  const children = schoolAgeChildren(context, cases);
  const withLedger = view ? { ledger: view, children, moreFiles, ...ledgerSteps } : {};
  const files = await writeReports(
    output,
    { summary, cases, rejected, lang: options.lang, maskIds: options.maskIds, notices, madeAt: options.now, ...withLedger },
    workbooks,
  );
  logger.info({ stage: 'report', ms: timer.lap(), files: files.length }, 'reports written');
  return { summary, files, unknownStatuses, formulasWithoutValue, ledger: view };
}

function packInput(cases: readonly Case[], view: LedgerView, ledgerId: string, options: ReconcileOptions): PackInput {
  const open = cases.filter((c) => isOpenState(view.cases.get(c.case_id)?.state));
  const states = new Map(open.map((c) => [c.case_id, view.cases.get(c.case_id)!]));
  return { cases: open, states, ledgerId, asOf: view.summary.run, lang: options.lang, maskIds: options.maskIds };
}

/** followup/write-packs.ts, on the writer thread. */
const WRITE_PACKS: WriterJob<[string, PackInput], string[]> = {
  module: new URL('../followup/write-packs.js', import.meta.url),
  name: 'writePacks',
  local: async (dir, input) => (await import('../followup/index.js')).writePacks(dir, input),
};

/** The packs' folders, not every pack: a county has hundreds of schools, the terminal names the folders. */
async function writeFollowUpPacks(dir: string, input: PackInput, writer: WorkbookWriter): Promise<string[]> {
  const files = await writer.run(WRITE_PACKS, dir, input);
  return [...new Set(files.map((file) => `${dirname(file)}/`))];
}

/**
 * SPEC §11 / issue #15: with a ledger, every notice written is an entry on its case
 * (方式 书面通知), once per night: a re-run of the same night adds nothing again.
 */
function noticeEntries(noticed: readonly number[], cases: readonly Case[], settings: Settings): NewEntry[] {
  const asOf = formatDay(settings.asOf);
  return noticed.map((i) => {
    const caseId = cases[i]!.case_id;
    return {
      caseId,
      date: asOf,
      kind: 'persuade',
      method: 'written_notice',
      note: t('notices.ledger_note', 'zh'),
      by: NOTICE_ENTRY_BY,
      sourceFile: 'notices/',
      importKey: `notice:${caseId}:${asOf}`,
    };
  });
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
      {
        stage: 'load',
        source: source.source,
        format: source.format,
        encoding: source.encoding,
        rows_read: source.rowsRead,
        rows_accepted: source.rowsAccepted,
        rows_rejected: source.rowsRejected,
      },
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
