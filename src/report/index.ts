import { join } from 'node:path';
import type { Case, LedgerView, SchoolAgeChildren } from '../domain/index.js';
import type { RejectedRow } from '../load/index.js';
import type { Lang } from './labels.js';
import { masker } from './mask.js';
import type { OutputDirectory } from './output-dir.js';
import type { Summary } from '../domain/index.js';
import { writeCasesJsonl, writeCategoryCsvs, writeRejectedCsv, writeResolvedJsonl, writeSummaryJson } from './write-text-files.js';
import { childrenSheet, ledgerSheets } from './ledger-sheets.js';
import { workbookContent } from './write-workbook.js';
import { listCases } from './case-rows.js';
import { startWorkbookWriter, type WorkbookWriter } from './workbook-writer.js';
import { buildDashboardData, countCasesBySchool, writeDashboard } from './dashboard/index.js';
import { writeNotices, type NoticeInput } from './notices/index.js';

export type { Summary } from '../domain/index.js';
export {
  categoryLabel,
  COLUMNS,
  CATEGORY_LABELS,
  REASON_LABELS,
  FLAG_LABELS,
  label,
  genderLabel,
  listSeparator,
  type Lang,
} from './labels.js';
export { neutraliseFormula, csvText, csvFile } from './cell-safety.js';
export { maskIdField, maskIdsInText, masker, type Masker } from './mask.js';
export { priorityOrder } from './priority.js';
export { differenceCells, guardiansCell } from './case-rows.js';
export { openOutputDirectory, replaceOutputDirectory, type OutputDirectory } from './output-dir.js';
export { startWorkbookWriter, type WorkbookWriter, type WriterJob } from './workbook-writer.js';
export { writeRawRows, styleNumber, type RawLayout } from './raw-rows.js';
export { rowHeight, writeStreamingWorkbook, type StreamingWorkbook } from './workbook-file.js';
export type { DashboardHistory } from './dashboard/index.js';
export { loadNoticeTemplate, collectEnrolmentSchools, selectNoticeCases, type NoticeInput } from './notices/index.js';

export interface ReportInput {
  readonly summary: Summary;
  readonly cases: readonly Case[];
  readonly rejected: readonly RejectedRow[];
  readonly lang: Lang;
  readonly maskIds: boolean;
  /** reconcile --notices (SPEC §11); the notices are not masked: they go to the family. */
  readonly notices?: NoticeInput | null;
  /** When the run was made (the workbook says so; summary.json stays free of the clock). */
  readonly madeAt?: Date;
  /** SPEC §8, §10: with a ledger, the states, resolved and closed cases and the ledger sheets. */
  readonly ledger?: LedgerView;
  /** SPEC §10 适龄儿童台账 (with a ledger): read child by child as the sheet is made. */
  readonly children?: SchoolAgeChildren;
  /**
   * Called when this thread has written its files, while the writer thread may still
   * be writing its own (the ledger writes the run here, in a transaction left open).
   */
  readonly afterOwnFiles?: () => Promise<void>;
  /**
   * Called when every file is written, before the folder replaces the old one
   * (the ledger commits here: see pipeline/reconcile.ts for the order).
   */
  readonly beforeReplace?: () => Promise<void> | void;
  /**
   * More files written into the report's folder, atomically with the rest (SPEC §9
   * packs), started first (on the writer thread, before report.xlsx); returns their paths.
   */
  readonly moreFiles?: (dir: string, writer: WorkbookWriter) => Promise<string[]>;
}

/** SPEC §7: every output file, into a folder that replaces the output folder whole and at once. */
export async function writeReports(
  output: OutputDirectory,
  input: ReportInput,
  workbooks: WorkbookWriter = startWorkbookWriter(),
): Promise<string[]> {
  const files: string[] = [];
  const mask = masker(input.maskIds);
  try {
    await output.replace(async (dir) => {
      // SPEC §8: a closed case is in no list a clerk works from, only in the closed sheet.
      const { ledger } = input;
      const moreFiles = input.moreFiles?.(dir, workbooks) ?? Promise.resolve([]);
      moreFiles.catch(() => undefined); // awaited below; an early failure must not go unhandled
      const cases = ledger ? input.cases.filter((c) => ledger.cases.get(c.case_id)?.state !== 'closed') : input.cases;
      // The workbook is written on the worker while this thread writes the text files.
      const listing = listCases(cases, input.lang, mask);
      const content = workbookContent({ ...input, cases, listing, mask });
      const sheets = ledger ? [...content.sheets, ...ledgerSheets({ ledger, cases: input.cases, lang: input.lang, mask })] : content.sheets;
      // 适龄儿童台账 (about 150,000 rows at county scale) is the last sheet: the worker writes the others
      // while this thread lists the children and renders their rows.
      const { children } = input;
      const last = ledger && children ? () => childrenSheet({ ledger, cases: input.cases, children, lang: input.lang, mask }) : undefined;
      const workbook = workbooks.write(join(dir, 'report.xlsx'), { ...content, sheets }, last);
      workbook.catch(() => undefined); // awaited below; an early failure must not go unhandled
      try {
        await writeCasesJsonl(dir, input.cases, ledger?.cases);
        await writeSummaryJson(dir, input.summary);
        await writeRejectedCsv(dir, input.rejected, input.lang);
        if (ledger) await writeResolvedJsonl(dir, ledger.resolved);
        const csvs = await writeCategoryCsvs(dir, listing, input.lang);
        const dashboard = await writeDashboard(
          dir,
          buildDashboardData({
            summary: input.summary,
            // All the cases found, closed ones too: as by category and by township (summary.json), so the shares add up.
            casesBySchool: countCasesBySchool(input.cases),
            lang: input.lang,
            ...(input.ledger?.history ? { history: input.ledger.history } : {}),
          }),
        );
        const notices = input.notices ? await writeNotices(dir, input.cases, input.notices) : null;
        await input.afterOwnFiles?.();
        const more = await moreFiles;
        files.push(
          'cases.jsonl',
          'summary.json',
          'rejected.csv',
          ...(ledger ? ['resolved.jsonl'] : []),
          ...csvs,
          'report.xlsx',
          dashboard,
          ...(notices ? ['notices/'] : []),
          ...more,
        );
      } catch (error) {
        // The worker may still be writing into the folder: let it stop before the folder is removed.
        await Promise.all([workbook.catch(() => undefined), moreFiles.catch(() => undefined)]);
        throw error;
      }
      await workbook;
      await input.beforeReplace?.();
    });
  } finally {
    workbooks.close();
  }
  return files;
}
