import { join } from 'node:path';
import type { Case } from '../domain/index.js';
import type { RejectedRow } from '../load/index.js';
import type { Lang } from './labels.js';
import { masker } from './mask.js';
import type { OutputDirectory } from './output-dir.js';
import type { Summary } from './summary.js';
import { writeCasesJsonl, writeCategoryCsvs, writeRejectedCsv, writeSummaryJson } from './write-text-files.js';
import { workbookContent } from './write-workbook.js';
import { listCases } from './case-rows.js';
import { startWorkbookWriter, type WorkbookWriter } from './workbook-writer.js';
import { buildDashboardData, countCasesBySchool, writeDashboard, type DashboardHistory } from './dashboard/index.js';
import { writeNotices, type NoticeInput } from './notices/index.js';

export { buildSummary, type Summary, type SourceSummary } from './summary.js';
export {
  LANGS,
  categoryLabel,
  reasonLabel,
  flagLabel,
  sourceLabel,
  ruleLabel,
  rejectLabel,
  columnLabel,
  explanation,
  COLUMNS,
  CATEGORY_LABELS,
  REASON_LABELS,
  FLAG_LABELS,
  label,
  type Lang,
  type Rule,
} from './labels.js';
export { neutraliseFormula, csvText, csvFile } from './cell-safety.js';
export { maskIdField, maskIdsInText } from './mask.js';
export { priorityOrder } from './priority.js';
export { guardiansCell } from './case-rows.js';
export { openOutputDirectory, replaceOutputDirectory, type OutputDirectory } from './output-dir.js';
export { startWorkbookWriter, type WorkbookWriter } from './workbook-writer.js';
export type { DashboardHistory, HistoryRun } from './dashboard/index.js';
export { loadNoticeTemplate, collectEnrolmentSchools, selectNoticeCases, type NoticeInput, type NoticeTemplate, type WrittenNotices } from './notices/index.js';

export interface ReportInput {
  readonly summary: Summary;
  readonly cases: readonly Case[];
  readonly rejected: readonly RejectedRow[];
  readonly lang: Lang;
  readonly maskIds: boolean;
  /** With a ledger: runs, follow-up and ages of open cases, for the dashboard's trend charts. */
  readonly history?: DashboardHistory;
  /** reconcile --notices (SPEC §11); the notices are not masked: they go to the family. */
  readonly notices?: NoticeInput | null;
  /** When the run was made (the workbook says so; summary.json stays free of the clock). */
  readonly madeAt?: Date;
}

/** SPEC §7: every output file, into a folder that replaces the output folder whole and at once. */
export async function writeReports(output: OutputDirectory, input: ReportInput, workbooks: WorkbookWriter = startWorkbookWriter()): Promise<string[]> {
  const files: string[] = [];
  const mask = masker(input.maskIds);
  try {
    await output.replace(async (dir) => {
      // The workbook is written on the worker while this thread writes the text files.
      const listing = listCases(input.cases, input.lang, mask);
      const workbook = workbooks.write(join(dir, 'report.xlsx'), workbookContent({ ...input, listing, mask }));
      workbook.catch(() => undefined); // awaited below; an early failure must not go unhandled
      try {
        await writeCasesJsonl(dir, input.cases);
        await writeSummaryJson(dir, input.summary);
        await writeRejectedCsv(dir, input.rejected, input.lang);
        const csvs = await writeCategoryCsvs(dir, listing, input.lang);
        const dashboard = await writeDashboard(
          dir,
          buildDashboardData({ summary: input.summary, casesBySchool: countCasesBySchool(input.cases), lang: input.lang, ...(input.history ? { history: input.history } : {}) }),
        );
        const notices = input.notices ? await writeNotices(dir, input.cases, input.notices) : null;
        files.push('cases.jsonl', 'summary.json', 'rejected.csv', ...csvs, 'report.xlsx', dashboard, ...(notices ? ['notices/'] : []));
      } catch (error) {
        // The worker may still be writing into the folder: let it stop before the folder is removed.
        await workbook.catch(() => undefined);
        throw error;
      }
      await workbook;
    });
  } finally {
    workbooks.close();
  }
  return files;
}
