import { CASE_STATES, CATEGORIES, isClosingOutcome, isOpenState } from '../domain/index.js';
import { both, type MessageKey, type Params, type Text } from '../i18n/index.js';
import { NIGHTS_FOUND, OPEN_SINCE_FOUND, type LedgerStore } from './store.js';

/** One thing wrong with a ledger, as a catalogue key and parameters (no personal data: case ids at most). */
export interface LedgerProblem {
  readonly key:
    | 'ledger.verify.integrity'
    | 'ledger.verify.foreign_key'
    | 'ledger.verify.state'
    | 'ledger.verify.orphan'
    | 'ledger.verify.count'
    | 'ledger.verify.run_changes'
    | 'ledger.verify.case_nights'
    | 'ledger.verify.last_seen';
  readonly params: Params;
}

/** A state or category as a clerk reads it (the labels), or as stored when the file holds something else. */
function stateText(state: string): Text | string {
  return (CASE_STATES as readonly string[]).includes(state) ? both(`ledger.state.${state}` as MessageKey) : state;
}

function categoryText(category: string): Text | string {
  return (CATEGORIES as readonly string[]).includes(category) ? both(`report.category.${category}` as MessageKey) : category;
}

/**
 * `rollcall ledger verify` (SPEC §8): SQLite's integrity and foreign-key checks,
 * then the ledger's own invariants: every night's state follows from the run
 * before it and the follow-up entries, each run's counts match its nights (its
 * cases by category, its new and open cases; the resolved ones depend on the
 * entries known that night and are not recounted), each case's nights and open-since
 * day match its nights, and no case is left with neither a night nor an entry.
 */
export function verifyLedger(store: LedgerStore): LedgerProblem[] {
  const db = store.db;
  const problems: LedgerProblem[] = [];
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  for (const row of integrity)
    if (row.integrity_check !== 'ok') problems.push({ key: 'ledger.verify.integrity', params: { detail: row.integrity_check } });
  if (problems.length > 0) return problems;
  for (const row of db.pragma('foreign_key_check') as { table: string; parent: string }[]) {
    problems.push({ key: 'ledger.verify.foreign_key', params: { table: row.table, parent: row.parent } });
  }

  const runs = store.runs();
  const closingDates = new Map<string, string[]>();
  for (const [caseId, list] of store.entries()) {
    closingDates.set(
      caseId,
      list.filter((entry) => entry.kind === 'close' || (entry.outcome !== null && isClosing(entry.outcome))).map((entry) => entry.date),
    );
  }
  let previous: Map<string, { state: string }> | null = null;
  for (const run of runs) {
    const nights = store.nightsOfRun(run.id);
    const byCategory: Record<string, number> = {};
    const openByCategory: Record<string, number> = {};
    let fresh = 0;
    const categoryOf = db.prepare('SELECT category FROM cases WHERE case_id = ?');
    for (const [caseId, night] of nights) {
      const category = (categoryOf.get(caseId) as { category: string }).category;
      byCategory[category] = (byCategory[category] ?? 0) + 1;
      if (night.state !== 'closed') openByCategory[category] = (openByCategory[category] ?? 0) + 1;
      if (night.state === 'new') fresh++;
      const wasOpen = isOpenState(previous?.get(caseId)?.state);
      const closedBefore = (closingDates.get(caseId) ?? []).some((date) => date <= run.as_of);
      // open: open the night before; new: not open then (or closed since); closed, reopened: a person closed it.
      const fits = night.state === 'open' ? wasOpen : night.state === 'new' ? !wasOpen || closedBefore : closedBefore;
      if (!fits) problems.push({ key: 'ledger.verify.state', params: { run: run.as_of, case_id: caseId, state: stateText(night.state) } });
    }
    for (const [category, count] of Object.entries(run.cases_by_category)) {
      if ((byCategory[category] ?? 0) !== count)
        problems.push({
          key: 'ledger.verify.count',
          params: { run: run.as_of, category: categoryText(category), recorded: count, found: byCategory[category] ?? 0 },
        });
    }
    const changes: [Text, number, number][] = [
      [both('ledger.verify.what_new'), run.new_cases, fresh],
      ...[...new Set([...Object.keys(run.open_by_category), ...Object.keys(openByCategory)])].map((category): [Text, number, number] => [
        both('ledger.verify.what_open', { category: categoryText(category) }),
        run.open_by_category[category] ?? 0,
        openByCategory[category] ?? 0,
      ]),
    ];
    for (const [what, recorded, found] of changes)
      if (recorded !== found) problems.push({ key: 'ledger.verify.run_changes', params: { run: run.as_of, what, recorded, found } });
    previous = nights;
  }

  const orphans = db
    .prepare(
      `SELECT case_id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_nights n WHERE n.case_ref = c.id)
         AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.case_id = c.case_id) ORDER BY case_id`,
    )
    .all() as { case_id: string }[];
  for (const row of orphans) problems.push({ key: 'ledger.verify.orphan', params: { case_id: row.case_id } });
  const miscounted = db
    .prepare(
      `SELECT case_id, nights, open_since, found, found_since FROM (
         SELECT case_id, nights, open_since, ${NIGHTS_FOUND} AS found, ${OPEN_SINCE_FOUND} AS found_since FROM cases c)
       WHERE nights <> found OR open_since IS NOT found_since ORDER BY case_id`,
    )
    .all() as { case_id: string; nights: number; open_since: string | null; found: number; found_since: string }[];
  for (const row of miscounted)
    problems.push({
      key: 'ledger.verify.case_nights',
      params: { case_id: row.case_id, recorded: row.nights, since: row.open_since ?? '', found: row.found, found_since: row.found_since },
    });
  const stale = db
    .prepare(
      `SELECT case_id, last_seen, (SELECT max(r.as_of) FROM case_nights n JOIN runs r ON r.id = n.run_id WHERE n.case_ref = c.id) AS latest
       FROM cases c WHERE latest IS NOT NULL AND latest <> last_seen ORDER BY case_id`,
    )
    .all() as { case_id: string; last_seen: string; latest: string }[];
  for (const row of stale)
    problems.push({ key: 'ledger.verify.last_seen', params: { case_id: row.case_id, recorded: row.last_seen, found: row.latest } });
  return problems;
}

function isClosing(outcome: string): boolean {
  return isClosingOutcome(outcome);
}
