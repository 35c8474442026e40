import {
  isOpenState,
  isClosingOutcome,
  OUTCOMES,
  isConfirmedOutcome,
  peoplesEntries,
  type Case,
  type CaseLedger,
  type CaseState,
  type ClosedCase,
  type ClosingOutcome,
  type ConfirmedUnseen,
  type FollowUpEntry,
  type FollowUpSummary,
  type LedgerChanges,
  type LedgerView,
  type ResolvedCase,
} from '../domain/index.js';
import { evidenceFingerprint } from './evidence.js';
import type { CaseRow, CaseWrite, LedgerStore, NightRow, RunRow, RunWrite, StoredEntry } from './store.js';

// SPEC §8: the state of every case found tonight, the cases resolved since the
// previous run, and what a clerk sees changed. Reads the ledger only; the writes
// are returned, to be applied in one transaction once the reports are written.

/** The county asks schools to verify an absent student within a week (seed, SPEC §8 terminal summary). */
const OVERDUE_DAYS = 7;

export interface Decided {
  readonly view: LedgerView;
  readonly writes: readonly CaseWrite[];
  /** What the run records of itself (the dashboard's trend reads it on later nights). */
  readonly run: Pick<RunWrite, 'newCases' | 'resolvedCases' | 'openByCategory'>;
}

/** A person closed the case (销号): the deciding entry (decidingEntry) has a closing outcome. */
export interface Closure {
  readonly date: string;
  readonly outcome: ClosingOutcome;
  readonly by: string;
  readonly note: string;
  /** When the closing entry was recorded in the ledger (ISO time): a run that ended before it did not know of it. */
  readonly importedAt: string;
}

export function decideStates(
  store: LedgerStore,
  known: ReadonlyMap<string, CaseRow>,
  cases: readonly Case[],
  asOf: string,
  previous: RunRow | null,
  replaces: RunRow | null,
): Decided {
  const entries = store.entries();
  const previousNights = previous ? store.nightsOfRun(previous.id) : new Map<string, { state: CaseState; evidence: string }>();
  const closures = new Map<string, Closure>();
  for (const [caseId, list] of entries) {
    const closure = closureOf(list, asOf);
    if (closure) closures.set(caseId, closure);
  }
  const replacedNights = replaces ? store.nightsOfRun(replaces.id) : new Map<string, unknown>();

  const states = new Map<string, CaseLedger>();
  const writes: CaseWrite[] = [];
  const tonight = new Set<string>();
  const changes = new Map<string, MutableChanges>();
  for (const c of cases) {
    tonight.add(c.case_id);
    const evidence = evidenceFingerprint(c);
    const row = known.get(c.case_id);
    const wasOpen = isOpenState(previousNights.get(c.case_id)?.state);
    const closure = closures.get(c.case_id);
    const state: CaseState = closure ? closedState(store, c.case_id, closure, evidence, wasOpen, replaces, asOf) : wasOpen ? 'open' : 'new';
    // A replaced run of the same as-of counted tonight already: it is not a night of its own.
    const nights = (row?.nights ?? 0) + (replacedNights.has(c.case_id) ? 0 : 1);
    const firstSeen = row?.first_seen ?? asOf;
    const openSince = state === 'new' || state === 'reopened' ? asOf : (row?.open_since ?? firstSeen);
    const ledger: CaseLedger = { state, first_seen: firstSeen, nights, follow_up: followUpOf(entries.get(c.case_id) ?? [], asOf) };
    states.set(c.case_id, ledger);
    writes.push({
      caseId: c.case_id,
      category: c.category,
      township: c.township,
      school: c.school,
      evidence,
      json: JSON.stringify(c),
      state,
      firstSeen,
      nights,
      openSince,
    });
    const counts = changesOf(changes, c.township);
    // 新增 is `new` only, as summary.json counts it; reopened cases are a figure of their own (SPEC §8).
    if (state === 'new') counts.new++;
    if (state === 'open') {
      counts.open++;
      if (daysBetween(openSince, asOf) > OVERDUE_DAYS) counts.overdue++;
    }
  }

  // A person's closing in force: one a later night reopened no longer is (the case went back on the lists).
  const closedByPerson = (caseId: string) => {
    const closure = closures.get(caseId);
    return (
      closure !== undefined &&
      !reopenedSince(
        store.nightsOfCase(caseId).filter((night) => night.run_id !== replaces?.id),
        closure,
      )
    );
  };
  // Open after the previous run, not found tonight, not closed by a person: resolved (已消除).
  const resolved: ResolvedCase[] = [];
  for (const [caseId, night] of previousNights) {
    if (tonight.has(caseId) || !isOpenState(night.state) || closedByPerson(caseId)) continue;
    const last = JSON.parse(store.caseJson(caseId) ?? 'null') as Case | null;
    if (!last) continue;
    resolved.push({ ...last, resolved_on: asOf, first_seen: known.get(caseId)?.first_seen ?? asOf });
    changesOf(changes, last.township).resolved++;
  }
  resolved.sort((a, b) => (a.case_id < b.case_id ? -1 : 1));

  const closed = closedCases(store, closures, states, known, closedByPerson);
  const confirmedUnseen: ConfirmedUnseen[] = [];
  for (const [caseId, list] of entries) {
    if (tonight.has(caseId) || closedByPerson(caseId)) continue;
    const { confirmed } = followUpOf(list, asOf);
    const last = confirmed ? (JSON.parse(store.caseJson(caseId) ?? 'null') as Case | null) : null;
    if (confirmed && last) confirmedUnseen.push({ case: last, confirmed, last_seen: known.get(caseId)?.last_seen ?? '' });
  }
  confirmedUnseen.sort((a, b) => (a.case.case_id < b.case.case_id ? -1 : 1));
  const count = (state: CaseState) => [...states.values()].filter((s) => s.state === state).length;
  const total = [...changes.values()].reduce<MutableChanges>(
    (sum, c) => ({
      township: '',
      new: sum.new + c.new,
      resolved: sum.resolved + c.resolved,
      open: sum.open + c.open,
      overdue: sum.overdue + c.overdue,
    }),
    { township: '', new: 0, resolved: 0, open: 0, overdue: 0 },
  );
  const openByCategory: Record<string, number> = {};
  for (const c of cases) if (states.get(c.case_id)!.state !== 'closed') openByCategory[c.category] = (openByCategory[c.category] ?? 0) + 1;
  const followUps = new Map<string, readonly FollowUpEntry[]>([...entries].map(([caseId, list]) => [caseId, list.map(plainEntry)]));
  return {
    view: {
      summary: {
        run: asOf,
        previous_run: previous?.as_of ?? null,
        new: count('new'),
        open: count('open'),
        reopened: count('reopened'),
        closed: count('closed'),
        resolved: resolved.length,
      },
      cases: states,
      resolved,
      closed,
      confirmedUnseen,
      entries: followUps,
      changes: [...changes.values()].sort(
        (a, b) => b.new + b.resolved - (a.new + a.resolved) || b.open - a.open || (a.township < b.township ? -1 : 1),
      ),
      total,
    },
    writes,
    run: { newCases: count('new'), resolvedCases: resolved.length, openByCategory },
  };
}

/**
 * The entry whose outcome decides a case (SPEC §9), among those dated up to `upTo`:
 * the latest by date. Packs come back in any order, so on the same date the import
 * order never decides (docs/DECISIONS.md): a closing outcome prevails over one that
 * keeps the case open (a person stated a reason to close), then the outcome listed
 * first in SPEC §9; the same outcome twice, the one recorded first.
 */
export function decidingEntry<E extends FollowUpEntry>(list: readonly E[], upTo = '9999-12-31'): E | null {
  let deciding: E | null = null;
  for (const entry of list)
    if (entry.outcome !== null && entry.date <= upTo && (!deciding || decidesOver(entry, deciding))) deciding = entry;
  return deciding;
}

function decidesOver(entry: FollowUpEntry, other: FollowUpEntry): boolean {
  if (entry.date !== other.date) return entry.date > other.date;
  const closes = isClosingOutcome(entry.outcome);
  if (closes !== isClosingOutcome(other.outcome)) return closes;
  return OUTCOMES.indexOf(entry.outcome!) < OUTCOMES.indexOf(other.outcome!);
}

/** The case as closed by a person up to `asOf` (the deciding entry has a closing outcome), or null. */
export function closureOf(list: readonly StoredEntry[], asOf?: string): Closure | null {
  const latest = decidingEntry(list, asOf);
  if (!latest || !isClosingOutcome(latest.outcome)) return null;
  return { date: latest.date, outcome: latest.outcome, by: latest.by, note: latest.note, importedAt: latest.imported_at };
}

/**
 * A closed case found again: `closed` while its evidence is what it was when it
 * was closed, `reopened` once it differs. A run after the closing that already
 * reopened it leaves it open like any other case.
 */
function closedState(
  store: LedgerStore,
  caseId: string,
  closure: Closure,
  evidence: string,
  wasOpen: boolean,
  replaces: RunRow | null,
  asOf: string,
): CaseState {
  const nights = store.nightsOfCase(caseId).filter((night) => night.run_id !== replaces?.id);
  if (reopenedSince(nights, closure)) return wasOpen ? 'open' : 'new';
  // Tonight is the night of the closing's own date: what the person closed, whenever the run is made.
  if (asOf <= closure.date) return 'closed';
  return (closingBaseline(nights, closure).baseline ?? evidence) === evidence ? 'closed' : 'reopened';
}

/**
 * The evidence a person closed the case on: that of the latest night up to the
 * closing's date, the night of that date included (run before or after the closing
 * was recorded, or run again: closedState treats that night alike); the nights after
 * that date are the others.
 */
function closingBaseline(nights: readonly NightRow[], closure: Pick<Closure, 'date'>): { baseline: string | undefined; after: NightRow[] } {
  const before = nights.filter((night) => night.as_of <= closure.date).at(-1);
  const after = nights.filter((night) => night.as_of > closure.date);
  return { baseline: before?.evidence ?? after[0]?.evidence, after };
}

/**
 * A run after the closing's date found the case with changed evidence (it reopened).
 * A night after that date that was open with the evidence unchanged ran before the
 * closing was recorded (a pack returned days later): it did not reopen the case.
 */
export function reopenedSince(nights: readonly NightRow[], closure: Pick<Closure, 'date'>): boolean {
  const { baseline, after } = closingBaseline(nights, closure);
  return after.some((night) => night.state !== 'closed' && night.evidence !== baseline);
}

/** Where a case stands now, by the rule the runs apply (`ledger show`, SPEC §9). */
export interface Standing {
  /** The closing that stands, reopened or not; null when no person closed the case. */
  readonly closure: Closure | null;
  /** Closed, but a run after the closing found its evidence changed: back on the lists. */
  readonly reopened: boolean;
  /** Recorded after the latest run (dated after it, or imported after it ended): the next run acts on it. */
  readonly fromNextRun: boolean;
}

export function standingOf(store: LedgerStore, caseId: string, list: readonly StoredEntry[]): Standing {
  const nights = store.nightsOfCase(caseId);
  const lastNight = nights.at(-1);
  const latestRun = store.latestRun();
  const closure = closureOf(list);
  // No closing stands: a case the latest run showed closed was taken back since.
  if (!closure) return { closure: null, reopened: false, fromNextRun: lastNight?.state === 'closed' };
  if (reopenedSince(nights, closure)) return { closure, reopened: true, fromNextRun: false };
  const runKnewIt = latestRun !== null && closure.date <= latestRun.as_of && closure.importedAt <= latestRun.ended;
  return { closure, reopened: false, fromNextRun: lastNight?.state !== 'closed' && !runKnewIt };
}

function closedCases(
  store: LedgerStore,
  closures: ReadonlyMap<string, Closure>,
  states: ReadonlyMap<string, CaseLedger>,
  known: ReadonlyMap<string, CaseRow>,
  closedByPerson: (caseId: string) => boolean,
): ClosedCase[] {
  const closed: ClosedCase[] = [];
  for (const [caseId, closure] of closures) {
    const tonight = states.get(caseId);
    if (tonight && tonight.state !== 'closed') continue;
    if (!tonight && !closedByPerson(caseId)) continue;
    const last = JSON.parse(store.caseJson(caseId) ?? 'null') as Case | null;
    if (!last) continue;
    closed.push({
      case: last,
      first_seen: known.get(caseId)?.first_seen ?? '',
      closed_on: closure.date,
      outcome: closure.outcome,
      by: closure.by,
      note: closure.note,
    });
  }
  return closed.sort((a, b) => (a.closed_on < b.closed_on ? 1 : a.closed_on > b.closed_on ? -1 : a.case.case_id < b.case.case_id ? -1 : 1));
}

function followUpOf(list: readonly StoredEntry[], asOf: string): FollowUpSummary {
  const upToTonight = list.filter((entry) => entry.date <= asOf);
  // A notice rollcall wrote is no one's visit: counted apart, never the latest follow-up.
  const people = peoplesEntries(upToTonight);
  let confirmed: FollowUpSummary['confirmed'] = null;
  for (const entry of people) if (isConfirmedOutcome(entry.outcome)) confirmed = entry.outcome;
  const last = people.at(-1);
  return {
    entries: people.length,
    persuasions: people.filter((entry) => entry.kind === 'persuade').length,
    notices: upToTonight.length - people.length,
    confirmed,
    last: last ? plainEntry(last) : null,
  };
}

function plainEntry(entry: StoredEntry): FollowUpEntry {
  return { date: entry.date, kind: entry.kind, method: entry.method, outcome: entry.outcome, note: entry.note, by: entry.by };
}

type MutableChanges = { -readonly [K in keyof LedgerChanges]: LedgerChanges[K] };

function changesOf(changes: Map<string, MutableChanges>, township: string): MutableChanges {
  let counts = changes.get(township);
  if (!counts) changes.set(township, (counts = { township, new: 0, resolved: 0, open: 0, overdue: 0 }));
  return counts;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
