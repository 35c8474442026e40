import { join } from 'node:path';
import type { Finding } from '../classify/index.js';
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

export { buildSummary, type Summary, type SourceSummary } from './summary.js';
export { LANGS, CATEGORY_LABELS, REASON_LABELS, FLAG_LABELS, label, type Lang } from './labels.js';
export { neutraliseFormula, csvText, csvFile } from './cell-safety.js';
export { maskIdField, maskIdsInText } from './mask.js';
export { priorityOrder } from './priority.js';
export { openOutputDirectory, replaceOutputDirectory, type OutputDirectory } from './output-dir.js';
export { startWorkbookWriter, type WorkbookWriter } from './workbook-writer.js';

export interface ReportInput {
  readonly summary: Summary;
  readonly cases: readonly Case[];
  readonly findings: readonly Finding[];
  readonly rejected: readonly RejectedRow[];
  readonly lang: Lang;
  readonly maskIds: boolean;
}

/** SPEC §7: every output file, into a folder that replaces the output folder whole and at once. */
export async function writeReports(output: OutputDirectory, input: ReportInput, workbooks: WorkbookWriter = startWorkbookWriter()): Promise<string[]> {
  const files: string[] = [];
  const mask = masker(input.maskIds);
  try {
    await output.replace(async (dir) => {
      // The workbook is written on the worker while this thread writes the text files.
      const listing = listCases(input.cases, input.findings, input.lang, mask);
      const workbook = workbooks.write(join(dir, 'report.xlsx'), workbookContent({ ...input, listing, mask }));
      workbook.catch(() => undefined); // awaited below; an early failure must not go unhandled
      try {
        await writeCasesJsonl(dir, input.cases);
        await writeSummaryJson(dir, input.summary);
        await writeRejectedCsv(dir, input.rejected, input.lang);
        const csvs = await writeCategoryCsvs(dir, listing, input.lang);
        files.push('cases.jsonl', 'summary.json', 'rejected.csv', ...csvs, 'report.xlsx');
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
