import type { LedgerStore, NewEntry } from './store.js';

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
export function addEntries(store: LedgerStore, entries: readonly NewEntry[], now: Date = new Date()): { added: number; known: number } {
  let added = 0;
  store.db.transaction(() => {
    for (const entry of entries) if (store.addEntry(entry, now)) added++;
  })();
  return { added, known: entries.length - added };
}
