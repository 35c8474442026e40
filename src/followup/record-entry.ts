import { addEntries, readCaseIds } from '../ledger/index.js';
import { checkEntry, type CheckedEntry, type EntryProblem, type RawEntry } from './check-entry.js';
import { conflictNote, newEntry } from './import-packs.js';
import type { Message } from '../i18n/index.js';
import { withLedger } from './with-ledger.js';

// SPEC §9 `rollcall ledger record`: one entry from the command line, checked the
// way a pack row is; the same entry twice adds nothing the second time.

export interface RecordResult {
  readonly problems: readonly EntryProblem[];
  readonly entry: CheckedEntry | null;
  readonly added: boolean;
  /** Outcomes of the same case and day that contradict this one (import-packs.ts conflictNote). */
  readonly notes: readonly Message[];
}

export async function recordEntry(
  ledgerFile: string,
  raw: RawEntry,
  options: { today: string; lang: 'zh' | 'en'; now?: Date },
): Promise<RecordResult> {
  return withLedger(ledgerFile, (store) => {
    const checked = checkEntry(raw, { caseIds: readCaseIds(store), today: options.today, lang: options.lang });
    if (!checked.entry) return { problems: checked.problems, entry: null, added: false, notes: [] };
    const { added, conflicts } = addEntries(store, [newEntry(checked.entry, 'cli', null)], options.now);
    return { problems: [], entry: checked.entry, added: added === 1, notes: conflicts.map(conflictNote) };
  });
}
