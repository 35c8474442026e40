import { basename } from 'node:path';
import { listedBoth, type Message, type MessageKey, type Params } from '../i18n/index.js';
import { checkReadableFile } from '../load/index.js';
import { addEntries, readCaseIds, readLedgerId, type LedgerStore, type NewEntry, type OutcomeConflict } from '../ledger/index.js';
import { checkEntry, isBlank, type CheckedEntry, type RawEntry } from './check-entry.js';
import { readPack } from './read-pack.js';
import { valueLabel } from './vocabulary.js';
import { withLedger } from './with-ledger.js';

// SPEC §9 import: returned packs, any file name, any order. Every row of a file is
// checked before anything is added; a file with any problem adds nothing, and every
// problem is listed. A file's rows are added in one transaction.

/** One thing wrong with a returned pack: where (sheet, row, column) and what. */
export interface PackProblem {
  readonly sheet: string | null;
  readonly row: number | null;
  readonly column: string | null;
  readonly key: MessageKey;
  readonly params: Params;
}

export interface ImportedFile {
  readonly file: string;
  readonly problems: readonly PackProblem[];
  /** Things worth knowing that do not stop the import (an older run's pack, a sheet made by hand). */
  readonly notes: readonly Message[];
  readonly added: number;
  /** Rows already imported before (the same file twice). */
  readonly known: number;
  /** Rows nobody filled in. */
  readonly blank: number;
}

export interface ImportOptions {
  /** YYYY-MM-DD: no follow-up date may be after it. */
  readonly today: string;
  readonly lang: 'zh' | 'en';
  readonly now?: Date;
}

export async function importPacks(ledgerFile: string, files: readonly string[], options: ImportOptions): Promise<ImportedFile[]> {
  // A path that is not there (a typo) or cannot be read stops the command before anything is imported.
  for (const file of files) await checkReadableFile(file);
  return withLedger(ledgerFile, async (store) => {
    const results: ImportedFile[] = [];
    for (const file of files) results.push(await importOne(store, ledgerFile, file, options));
    return results;
  });
}

async function importOne(store: LedgerStore, ledgerFile: string, file: string, options: ImportOptions): Promise<ImportedFile> {
  const pack = await readPack(file);
  const result = (problems: PackProblem[], notes: Message[] = [], counts = { added: 0, known: 0, blank: 0 }): ImportedFile => ({
    file,
    problems,
    notes,
    ...counts,
  });
  const fileProblem = (key: MessageKey, params: Params): PackProblem => ({ sheet: null, row: null, column: null, key, params });
  if (pack.problems.length > 0) return result(pack.problems.map((problem) => fileProblem(problem.key, problem.params)));

  // The pack's identity first: another ledger's pack, or one from a run this ledger does not have, is explained whole.
  const notes: Message[] = [];
  const ledgerId = readLedgerId(store);
  const runs = store.runs();
  const latest = runs.at(-1)?.as_of ?? '';
  if (pack.identity) {
    if (pack.identity.ledgerId !== ledgerId) {
      return result([
        fileProblem('followup.import.other_ledger', { pack_ledger: pack.identity.ledgerId, ledger: ledgerFile, ledger_id: ledgerId }),
      ]);
    }
    if (!runs.some((run) => run.as_of === pack.identity!.asOf)) {
      return result([fileProblem('followup.import.unknown_run', { as_of: pack.identity.asOf, latest })]);
    }
    if (pack.identity.asOf < latest) notes.push({ key: 'followup.import.older_run', params: { file, as_of: pack.identity.asOf, latest } });
  } else {
    notes.push({ key: 'followup.import.no_identity', params: { file } });
  }

  const caseIds = readCaseIds(store);
  const problems: PackProblem[] = [];
  const entries: { row: number; entry: CheckedEntry }[] = [];
  let blank = 0;
  for (const row of pack.rows) {
    if (isBlank(row.values)) {
      if (String(row.values.case_id ?? '').trim() !== '') blank++;
      continue;
    }
    const checked = checkEntry(row.values as RawEntry, { caseIds, today: options.today, lang: options.lang });
    for (const problem of checked.problems) {
      problems.push({ sheet: row.sheet, row: row.row, column: row.headers[problem.field], key: problem.key, params: problem.params });
    }
    if (checked.entry) entries.push({ row: row.row, entry: checked.entry });
  }
  if (problems.length > 0) return result(problems, notes, { added: 0, known: 0, blank });

  const source = basename(file);
  const { conflicts, ...counts } = addEntries(
    store,
    entries.map(({ row, entry }) => newEntry(entry, source, row)),
    options.now,
  );
  return result([], [...notes, ...conflicts.map(conflictNote)], { ...counts, blank });
}

/** Packs come back in any order: outcomes that contradict each other on one day are decided by a rule, and said. */
export function conflictNote(conflict: OutcomeConflict): Message {
  return {
    key: 'followup.import.conflict',
    params: {
      case_id: conflict.caseId,
      date: conflict.date,
      files: listedBoth(conflict.files),
      outcome: { zh: valueLabel('outcome', conflict.outcome, 'zh'), en: valueLabel('outcome', conflict.outcome, 'en') },
    },
  };
}

export function newEntry(entry: CheckedEntry, sourceFile: string, sourceRow: number | null): NewEntry {
  return {
    caseId: entry.caseId,
    date: entry.date,
    kind: entry.kind,
    method: entry.method,
    outcome: entry.outcome,
    note: entry.note,
    by: entry.by,
    sourceFile,
    sourceRow,
    importKey: entry.importKey,
  };
}
