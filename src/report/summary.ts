import type { Coverage, SchoolWithoutRoster, TownshipPopulation } from '../classify/index.js';
import type { Settings } from '../config/index.js';
import { CATEGORIES, formatDay, REASONS, SOURCE_NAMES, type Case, type Category, type LedgerSummary, type Reason, type SourceName } from '../domain/index.js';
import type { LinkCounts, LinkedData } from '../link/index.js';
import type { LoadedSources } from '../load/index.js';

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

export function buildSummary(version: string, settings: Settings, loaded: LoadedSources, linked: LinkedData, cases: readonly Case[], coverage: Coverage): Summary {
  const sources: Summary['sources'] = {};
  for (const source of SOURCE_NAMES) {
    const data = loaded[source];
    if (!data) continue;
    sources[source] = {
      file: data.file,
      format: data.format,
      encoding: data.encoding,
      sheet: data.sheet,
      rows_read: data.rowsRead,
      rows_accepted: data.rowsAccepted,
      rows_rejected: data.rowsRejected,
      size: data.fingerprint.size,
      modified: data.fingerprint.mtime,
      sha256: data.fingerprint.sha256,
    };
  }
  const byCategory = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>;
  const byReason = Object.fromEntries(REASONS.map((reason) => [reason, 0])) as Record<Reason, number>;
  const byTownship = new Map<string, number>();
  for (const c of cases) {
    byCategory[c.category]++;
    for (const reason of c.reasons) byReason[reason]++;
    byTownship.set(c.township, (byTownship.get(c.township) ?? 0) + 1);
  }
  const { attendance } = linked;
  return {
    rollcall_version: version,
    as_of: formatDay(settings.asOf),
    reference_day: formatDay(settings.referenceDay),
    school_age: { min: settings.schoolAge.min, max: settings.schoolAge.max },
    county: { prefixes: [...linked.county.prefixes], inferred: linked.county.inferred },
    sources,
    links: {
      ...linked.counts,
      attendance: attendance.present
        ? { student_no: attendance.matchedByStudentNo, id_number: attendance.matchedById, unmatched: attendance.unmatched }
        : null,
    },
    cases: {
      total: cases.length,
      by_category: byCategory,
      by_reason: byReason,
      by_township: Object.fromEntries([...byTownship].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))),
    },
    attendance: coverage.schoolsWithoutRoster ? { schools_without_roster: [...coverage.schoolsWithoutRoster] } : null,
    population_by_township: { ...coverage.populationByTownship },
  };
}
