import type { Coverage } from '../classify/index.js';
import type { Settings } from '../config/index.js';
import { CATEGORIES, formatDay, REASONS, SOURCE_NAMES, type Case, type Category, type Reason, type Summary } from '../domain/index.js';
import type { LinkedData } from '../link/index.js';
import type { LoadedSources } from '../load/index.js';

/** SPEC §7 summary.json, from what every stage found: the one place that knows them all. */
export function buildSummary(
  version: string,
  settings: Settings,
  loaded: LoadedSources,
  linked: LinkedData,
  cases: readonly Case[],
  coverage: Coverage,
): Summary {
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
