import type { Category, Reason } from './case.js';
import type { LinkRule } from './evidence.js';
import type { SourceName } from './fields.js';
import type { LedgerSummary } from './ledger.js';

// SPEC §7 summary.json: the output contract, shared by the stage that fills it
// (pipeline) and the stages that show it (report: the workbook, the dashboard).

/** A school with registrations but no row in the check-in roster: its not_checked_in could not be checked. */
export interface SchoolWithoutRoster {
  readonly school: string;
  readonly school_code: string;
  readonly active_registrations: number;
}

/** The denominators of a township: living school-age people, and how many of them have an active registration. */
export interface TownshipPopulation {
  readonly school_age: number;
  readonly with_active_registration: number;
}

/** Links per rule (SPEC §4), per source. */
export type RuleCounts = Record<LinkRule | 'review' | 'unlinked', number>;
export interface LinkCounts {
  readonly registry: RuleCounts;
  readonly poverty: RuleCounts;
  readonly poverty_to_registry: RuleCounts;
}

/** SPEC §7 summary.json. No clock in it: the same inputs give the same bytes. */
export interface Summary {
  rollcall_version: string;
  as_of: string;
  reference_day: string;
  school_age: { min: number; max: number };
  county: { prefixes: string[]; inferred: boolean };
  sources: Partial<Record<SourceName, SourceSummary>>;
  links: LinkCounts & { attendance: { student_no: number; id_number: number; unmatched: number } | null };
  cases: {
    total: number;
    by_category: Record<Category, number>;
    by_reason: Record<Reason, number>;
    by_township: Record<string, number>;
  };
  /** What the roster could check: null when no roster was given (SPEC §7). */
  attendance: { schools_without_roster: SchoolWithoutRoster[] } | null;
  /** Living school-age people of the household register per township, and how many have an active registration. */
  population_by_township: Record<string, TownshipPopulation>;
  /** SPEC §8, with a ledger only. */
  ledger?: LedgerSummary;
}

export interface SourceSummary {
  file: string;
  format: string;
  encoding: string | null;
  sheet: string | null;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  /** The file as it was read (provenance): size in bytes, modification time (ISO 8601, UTC), SHA-256. */
  size: number;
  modified: string;
  sha256: string;
}
