import { isClosingOutcome, type ClosingOutcome, type Outcome } from '../domain/index.js';
import { decidingEntry } from './states.js';
import type { LedgerStore, NewEntry, StoredEntry } from './store.js';

// SPEC §9: what follow-up (packs out, results back) needs from the ledger besides
// store.ts: the ledger's identity, and a batch of entries added all or nothing.

/** The ledger's identity (migration 2): written into every pack, checked on import. */
export function readLedgerId(store: LedgerStore): string {
  const row = store.db.prepare("SELECT value FROM ledger_meta WHERE key = 'ledger_id'").get() as { value: string } | undefined;
  return row?.value ?? '';
}

/** The case ids the ledger knows (a pack's rows are checked against them before anything is added). */
export function readCaseIds(store: LedgerStore): Set<string> {
  return new Set(store.db.prepare('SELECT case_id FROM cases').pluck().all() as string[]);
}

/**
 * Adds the entries of one returned pack in one transaction: all of them or none
 * (a pack is imported whole). An entry whose import key is already there adds
 * nothing (the same pack imported twice).
 */
export function addEntries(
  store: LedgerStore,
  entries: readonly NewEntry[],
  now: Date = new Date(),
): { added: number; known: number; conflicts: OutcomeConflict[] } {
  const added: NewEntry[] = [];
  store.db.transaction(() => {
    for (const entry of entries) if (store.addEntry(entry, now)) added.push(entry);
  })();
  return { added: added.length, known: entries.length - added.length, conflicts: conflictsOf(store, added) };
}

/** One case with outcomes that contradict each other on one date (one closes, another does not, or two closings differ). */
export interface OutcomeConflict {
  readonly caseId: string;
  readonly date: string;
  /** The files the entries came from ('cli' for `ledger record`), sorted. */
  readonly files: readonly string[];
  /** The outcome that decides (states.ts decidingEntry: on the same date a closing one prevails). */
  readonly outcome: Outcome;
}

/** The conflicts that entries just added take part in: the import says so (packs come back in any order). */
function conflictsOf(store: LedgerStore, added: readonly NewEntry[]): OutcomeConflict[] {
  const sameDay = store.db.prepare(
    `SELECT date, kind, method, outcome, note, recorded_by AS by, source_file FROM entries
     WHERE case_id = ? AND date = ? AND outcome IS NOT NULL ORDER BY id`,
  );
  const conflicts = new Map<string, OutcomeConflict>();
  for (const entry of added) {
    const key = JSON.stringify([entry.caseId, entry.date]);
    if (!entry.outcome || conflicts.has(key)) continue;
    const day = sameDay.all(entry.caseId, entry.date) as Pick<
      StoredEntry,
      'date' | 'kind' | 'method' | 'outcome' | 'note' | 'by' | 'source_file'
    >[];
    const outcomes = new Set(day.map((other) => other.outcome));
    const closings = new Set([...outcomes].filter((outcome): outcome is ClosingOutcome => isClosingOutcome(outcome)));
    if (closings.size === 0 || (closings.size === 1 && outcomes.size === 1)) continue;
    conflicts.set(key, {
      caseId: entry.caseId,
      date: entry.date,
      files: [...new Set(day.map((other) => other.source_file))].sort(),
      outcome: decidingEntry(day)!.outcome!,
    });
  }
  return [...conflicts.values()];
}
