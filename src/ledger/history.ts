import {
  CLOSING_OUTCOMES,
  CONFIRMED_OUTCOMES,
  parseIsoDay,
  peoplesEntries,
  type Case,
  type Category,
  type LedgerHistory,
  type LedgerView,
} from '../domain/index.js';
import type { CaseRow, LedgerStore, RunRow, RunWrite } from './store.js';

// Issue #16: the leaders' dashboard draws the ledger over time. Only counts leave
// this file: per run the open cases by category, new and resolved; the follow-up
// funnel; the age of tonight's open cases.

/** The categories whose children a follow-up brings back to school (the funnel's cases). */
const FOLLOWED: ReadonlySet<Category> = new Set(['enrolled_absent', 'unregistered_school_age']);

export function ledgerHistory(
  store: LedgerStore,
  known: ReadonlyMap<string, CaseRow>,
  view: LedgerView,
  tonight: Pick<RunWrite, 'newCases' | 'resolvedCases' | 'openByCategory'>,
  cases: readonly Case[],
  asOf: string,
  replaces: RunRow | null,
): LedgerHistory {
  // Each run recorded what it changed (ledger/schema.ts migration 3): no night is read again.
  const runs: { as_of: string; open_by_category: Partial<Record<Category, number>>; new: number; resolved: number }[] = [];
  for (const run of store.runs()) {
    if (replaces && run.id === replaces.id) continue;
    runs.push({ as_of: run.as_of, open_by_category: run.open_by_category, new: run.new_cases, resolved: run.resolved_cases });
  }
  // Tonight, as decided (not yet committed).
  runs.push({ as_of: asOf, open_by_category: tonight.openByCategory, new: tonight.newCases, resolved: tonight.resolvedCases });

  return { runs, funnel: funnel(store, known, cases), open_age: openAge(view, asOf) };
}

function funnel(store: LedgerStore, known: ReadonlyMap<string, CaseRow>, cases: readonly Case[]): LedgerHistory['funnel'] {
  const followed = new Set<string>();
  for (const row of known.values()) if (FOLLOWED.has(row.category as Category)) followed.add(row.case_id);
  for (const c of cases) if (FOLLOWED.has(c.category)) followed.add(c.case_id);
  const reached = [0, 0, 0, 0];
  const entries = store.entries();
  for (const caseId of followed) {
    let step = 0;
    // Only what people did: a notice rollcall wrote has confirmed or persuaded no one.
    for (const entry of peoplesEntries(entries.get(caseId) ?? [])) {
      const outcome = entry.outcome ?? '';
      if ((CLOSING_OUTCOMES as readonly string[]).includes(outcome)) step = Math.max(step, 3);
      else if (entry.kind === 'persuade') step = Math.max(step, 2);
      else if ((CONFIRMED_OUTCOMES as readonly string[]).includes(outcome)) step = Math.max(step, 1);
    }
    for (let k = 0; k <= step; k++) reached[k] = (reached[k] ?? 0) + 1;
  }
  const [suspected = 0, confirmed = 0, persuaded = 0, returned = 0] = reached;
  return { suspected, confirmed, persuaded, returned_or_closed: returned };
}

function openAge(view: LedgerView, asOf: string): LedgerHistory['open_age'] {
  const today = dayIndex(asOf);
  const age = { up_to_7_days: 0, days_8_to_30: 0, over_30_days: 0 };
  for (const state of view.cases.values()) {
    if (state.state === 'closed') continue;
    const days = today - dayIndex(state.first_seen);
    if (days <= 7) age.up_to_7_days++;
    else if (days <= 30) age.days_8_to_30++;
    else age.over_30_days++;
  }
  return age;
}

/** Days since 1970 of a YYYY-MM-DD day (differences of days across months). */
function dayIndex(iso: string): number {
  const day = parseIsoDay(iso) ?? 0;
  return Math.round(Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, day % 100) / 86_400_000);
}
