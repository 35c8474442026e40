import { join } from 'node:path';
import type { Finding } from '../classify/index.js';
import type { Case, LedgerView, SchoolAgeChild } from '../domain/index.js';
import type { RejectedRow } from '../load/index.js';
import type { Lang } from './labels.js';
import { masker } from './mask.js';
import { replaceOutputDirectory } from './output-dir.js';
import type { Summary } from './summary.js';
import { writeCasesJsonl, writeCategoryCsvs, writeRejectedCsv, writeResolvedJsonl, writeSummaryJson } from './write-text-files.js';
import { ledgerSheets } from './ledger-sheets.js';
import { workbookContent } from './write-workbook.js';
import { listCases } from './case-rows.js';
import { startWorkbookWriter, type WorkbookWriter } from './workbook-writer.js';

export { buildSummary, type Summary, type SourceSummary } from './summary.js';
export { LANGS, CATEGORY_LABELS, REASON_LABELS, FLAG_LABELS, label, genderLabel, listSeparator, type Lang } from './labels.js';
export { neutraliseFormula, csvText, csvFile } from './cell-safety.js';
export { maskIdField, maskIdsInText } from './mask.js';
export { priorityOrder } from './priority.js';
export { replaceOutputDirectory } from './output-dir.js';
export { startWorkbookWriter, type WorkbookWriter } from './workbook-writer.js';

export interface ReportInput {
  readonly summary: Summary;
  readonly cases: readonly Case[];
  readonly findings: readonly Finding[];
  readonly rejected: readonly RejectedRow[];
  readonly lang: Lang;
  readonly maskIds: boolean;
  /** SPEC §8, §10: with a ledger, the states, resolved and closed cases and the ledger sheets. */
  readonly ledger?: LedgerView;
  /** SPEC §10 适龄儿童台账 (with a ledger). */
  readonly children?: readonly SchoolAgeChild[];
  /**
   * Called when every file is written, before the folder replaces the old one
   * (the ledger commits here: see pipeline/reconcile.ts for the order).
   */
  readonly beforeReplace?: () => Promise<void>;
  /** More files written into the report's folder, atomically with the rest (SPEC §9 packs); returns their paths. */
  readonly moreFiles?: (dir: string) => Promise<string[]>;
}

/** SPEC §7: every output file, into a folder that replaces `out` whole and at once. */
export async function writeReports(out: string, input: ReportInput, workbooks: WorkbookWriter = startWorkbookWriter()): Promise<string[]> {
  const files: string[] = [];
  const mask = masker(input.maskIds);
  try {
    await replaceOutputDirectory(out, async (dir) => {
      // SPEC §8: a closed case is in no list a clerk works from, only in the closed sheet.
      const { ledger } = input;
      const listed = ledger ? input.cases.flatMap((c, i) => (ledger.cases.get(c.case_id)?.state === 'closed' ? [] : [i])) : null;
      const cases = listed ? listed.map((i) => input.cases[i]!) : input.cases;
      const findings = listed ? listed.map((i) => input.findings[i]!) : input.findings;
      // The workbook is written on the worker while this thread writes the text files.
      const listing = listCases(cases, findings, input.lang, mask);
      const content = workbookContent({ ...input, cases, listing, mask });
      const sheets = ledger ? [...content.sheets, ...ledgerSheets({ ledger, cases: input.cases, children: input.children ?? null, lang: input.lang, mask })] : content.sheets;
      const workbook = workbooks.write(join(dir, 'report.xlsx'), { ...content, sheets });
      workbook.catch(() => undefined); // awaited below; an early failure must not go unhandled
      await writeCasesJsonl(dir, input.cases, ledger?.cases);
      await writeSummaryJson(dir, input.summary);
      await writeRejectedCsv(dir, input.rejected);
      if (ledger) await writeResolvedJsonl(dir, ledger.resolved);
      const csvs = await writeCategoryCsvs(dir, listing, input.lang);
      const more = (await input.moreFiles?.(dir)) ?? [];
      await workbook;
      files.push('cases.jsonl', 'summary.json', 'rejected.csv', ...(ledger ? ['resolved.jsonl'] : []), ...csvs, 'report.xlsx', ...more);
      await input.beforeReplace?.();
    });
  } finally {
    workbooks.close();
  }
  return files;
}
