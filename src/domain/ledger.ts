import type { Case, Category } from './case.js';

// SPEC §8–§10: what the ledger tells the reports. Plain data, so that report/ can
// write it without loading the ledger's SQLite code (src/ledger).

/** SPEC §8: a case's state after a run. */
export const CASE_STATES = ['new', 'open', 'reopened', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** SPEC §8–§9: the states a clerk works (new, open, reopened); no state (or one read from the ledger file that is none of these) is not open. */
export function isOpenState(state: CaseState | string | undefined): boolean {
  return state === 'new' || state === 'open' || state === 'reopened';
}

/** SPEC §9: follow-up kinds (跟进类型) as codes. */
export const ENTRY_KINDS = ['verify', 'persuade', 'close'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** SPEC §9: how a follow-up was done (方式). */
export const ENTRY_METHODS = ['phone', 'home_visit', 'written_notice', 'township_order', 'court_document', 'other'] as const;
export type EntryMethod = (typeof ENTRY_METHODS)[number];

/** SPEC §9: outcomes (结论) that keep a case open … */
export const OPEN_OUTCOMES = ['confirmed_dropout', 'confirmed_unregistered', 'data_error', 'still_out'] as const;
/** … and those that close it (销号) as of the entry's date. */
export const CLOSING_OUTCOMES = [
  'returned',
  'studying_elsewhere',
  'home_tuition',
  'deferred',
  'false_alarm',
  'deceased',
  'abroad',
  'moved_out',
] as const;
export const OUTCOMES = [...OPEN_OUTCOMES, ...CLOSING_OUTCOMES] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];
/** SPEC §10: these put a case on the 辍学学生台账. */
export const CONFIRMED_OUTCOMES = ['confirmed_dropout', 'confirmed_unregistered'] as const;
export type ConfirmedOutcome = (typeof CONFIRMED_OUTCOMES)[number];

export function isClosingOutcome(outcome: string | null): outcome is ClosingOutcome {
  return (CLOSING_OUTCOMES as readonly string[]).includes(outcome ?? '');
}

export function isConfirmedOutcome(outcome: string | null): outcome is ConfirmedOutcome {
  return (CONFIRMED_OUTCOMES as readonly string[]).includes(outcome ?? '');
}

/**
 * Who rollcall's own entries are by: with a ledger, every notice `reconcile --notices`
 * writes is recorded on its case (方式 书面通知, issue #15), once a night.
 */
export const NOTICE_ENTRY_BY = 'rollcall';

/**
 * An entry rollcall made when it wrote a notice: the notice is printed, not yet served,
 * and no person has persuaded anyone. It stays in the case's history (ledger show) and
 * is counted as a notice written, never as a persuasion visit, a confirmation or a
 * clerk's latest follow-up (DECISIONS.md, "Notices in the ledger").
 */
export function isNoticeWritten(entry: Pick<FollowUpEntry, 'by' | 'method'>): boolean {
  return entry.by === NOTICE_ENTRY_BY && entry.method === 'written_notice';
}

/** The entries people made (imported from packs or recorded), without rollcall's notices written. */
export function peoplesEntries<E extends Pick<FollowUpEntry, 'by' | 'method'>>(entries: readonly E[]): E[] {
  return entries.filter((entry) => !isNoticeWritten(entry));
}

/** One follow-up entry (SPEC §9), as the reports show it. */
export interface FollowUpEntry {
  readonly date: string;
  readonly kind: EntryKind;
  readonly method: EntryMethod | null;
  readonly outcome: Outcome | null;
  readonly note: string;
  readonly by: string;
}

/** `ledger.follow_up` of a case line: what people have recorded so far. */
export interface FollowUpSummary {
  /** Entries people made (rollcall's notices written are counted in `notices`). */
  readonly entries: number;
  readonly persuasions: number;
  /** Notices rollcall wrote for the case (`reconcile --notices`), to be served. */
  readonly notices: number;
  /** The latest confirmed_* outcome, or null. */
  readonly confirmed: ConfirmedOutcome | null;
  /** The latest entry a person made, or null. */
  readonly last: FollowUpEntry | null;
}

/** SPEC §8: `ledger` on each line of cases.jsonl. */
export interface CaseLedger {
  readonly state: CaseState;
  readonly first_seen: string;
  /** Nights (runs) the case was found, tonight included. */
  readonly nights: number;
  readonly follow_up: FollowUpSummary;
}

/** SPEC §8: `ledger` in summary.json. */
export interface LedgerSummary {
  readonly run: string;
  readonly previous_run: string | null;
  readonly new: number;
  readonly open: number;
  readonly reopened: number;
  readonly closed: number;
  readonly resolved: number;
}

/** A line of resolved.jsonl: the case as last seen, with when it went away. */
export type ResolvedCase = Case & { readonly resolved_on: string; readonly first_seen: string };

/** A case closed by a person (已销号): the case as last seen, and the entry that closed it. */
export interface ClosedCase {
  readonly case: Case;
  readonly first_seen: string;
  readonly closed_on: string;
  readonly outcome: ClosingOutcome;
  readonly by: string;
  readonly note: string;
}

/** What the terminal says changed since the previous run, per township (SPEC §8). */
export interface LedgerChanges {
  readonly township: string;
  readonly new: number;
  readonly resolved: number;
  readonly open: number;
  /** Open for more than 7 days: the county asks schools to verify within a week. */
  readonly overdue: number;
}

/** Everything the reports need from the ledger after the states are decided. */
/** A confirmed case not found tonight: the case as last seen. */
export interface ConfirmedUnseen {
  readonly case: Case;
  readonly confirmed: ConfirmedOutcome;
  readonly last_seen: string;
}

export interface LedgerView {
  readonly summary: LedgerSummary;
  /** Tonight's cases by case_id. */
  readonly cases: ReadonlyMap<string, CaseLedger>;
  readonly resolved: readonly ResolvedCase[];
  readonly closed: readonly ClosedCase[];
  /**
   * SPEC §10: cases a person confirmed (confirmed_*) that tonight's data no longer shows
   * and no person has closed: they stay on 辍学学生台账 until someone closes them with a
   * reason (动态销号), instead of leaving it quietly with the data.
   */
  readonly confirmedUnseen: readonly ConfirmedUnseen[];
  /** Follow-up entries of the cases on the 辍学学生台账 (and any case with entries), by case_id, oldest first. */
  readonly entries: ReadonlyMap<string, readonly FollowUpEntry[]>;
  /** Per township, the most changes first. */
  readonly changes: readonly LedgerChanges[];
  readonly total: LedgerChanges;
  /** The runs so far and tonight's, for the leaders' dashboard (aggregates only). */
  readonly history?: LedgerHistory;
}

/** SPEC §8 over time: what the dashboard draws (no name, no ID: counts only). */
export interface LedgerHistory {
  /** Oldest first; the last is tonight's run. */
  readonly runs: readonly {
    readonly as_of: string;
    /** Open cases (new, open, reopened) after the run, per category. */
    readonly open_by_category: Readonly<Partial<Record<Category, number>>>;
    readonly new: number;
    readonly resolved: number;
  }[];
  /** Cases that reached each step of the follow-up, cumulatively (a returned child also counts as confirmed and persuaded). */
  readonly funnel: {
    readonly suspected: number;
    readonly confirmed: number;
    readonly persuaded: number;
    readonly returned_or_closed: number;
  };
  /** Tonight's open cases by days since first seen. */
  readonly open_age: { readonly up_to_7_days: number; readonly days_8_to_30: number; readonly over_30_days: number };
}

/**
 * SPEC §10 适龄儿童台账: one school-age child of the household register or the
 * poverty roll, and what tonight's data says about them (the ledger adds where the
 * follow-up stands).
 */
/** SPEC §10 适龄儿童台账: where a child with no active registration stands in the registry. */
export const INACTIVE_REGISTRATIONS = ['suspended', 'completed', 'unknown', 'dropout', 'left'] as const;
export type InactiveRegistration = (typeof INACTIVE_REGISTRATIONS)[number];

export interface SchoolAgeChild {
  township: string;
  village: string;
  name: string;
  id_number: string;
  gender: 'male' | 'female' | null;
  /** yyyymmdd, 0 when unknown. */
  birth: number;
  /** FLAG_BITS of the focus groups (SPEC §5 flags) the sources show. */
  flags: number;
  /** On the poverty roll (a focus group too). */
  poverty: boolean;
  /**
   * What the child's registrations say when none is active, the most telling first:
   * 休学/保留学籍, completed (毕业/结业 on grades 7–9), a status in no list, dropped
   * out, left (转出 …); null when active or with no registration.
   */
  registration: InactiveRegistration | null;
  /** The active registration's school and grade, else those of `registration`'s. */
  school: string;
  grade: string;
  /** Tonight's enrolled_absent or unregistered_school_age case about the child, if any. */
  case_id: string | null;
}

/**
 * SPEC §10 适龄儿童台账, child by child: about 150,000 children at county scale are
 * read from the linked data as the sheet is written, not kept as 150,000 objects.
 */
export interface SchoolAgeChildren {
  /** Calls `visit` for every child, in order, with one object filled anew each time: read it, do not keep it. */
  forEach(visit: (child: Readonly<SchoolAgeChild>) => void): void;
}
