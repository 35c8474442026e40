import { CATEGORIES, REASONS, type Category, type Reason } from '../../src/domain/index.js';
import type { DashboardHistory, Summary } from '../../src/report/index.js';

/** A township name that tries to end the data script and run its own. */
export const HOSTILE_TOWNSHIP = '</script><script>window.pwned=1;alert(1)</script>';

const rules = { id_exact: 0, id_fuzzy: 0, name_birth: 0, review: 0, unlinked: 0 };

/** A summary as summary.json has it, with population per township (issue #16's optional field). */
export function syntheticSummary(): Summary & {
  population_by_township: Record<string, { school_age: number; with_active_registration: number }>;
} {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  Object.assign(byCategory, { enrolled_absent: 12, unregistered_school_age: 31, missing_id: 4, review: 7 });
  const byReason = Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<Reason, number>;
  Object.assign(byReason, { not_checked_in: 9, registry_dropout: 5, no_registry_record: 31, id_empty: 4, weak_match: 7 });
  return {
    rollcall_version: '9.9.9',
    as_of: '2026-10-12',
    reference_day: '2026-08-31',
    school_age: { min: 6, max: 15 },
    county: { prefixes: ['341324'], inferred: false },
    sources: {
      registry: {
        file: '/home/clerk/导出/学籍 2026.xlsx',
        format: 'xlsx',
        encoding: null,
        sheet: '学生名单',
        rows_read: 5210,
        rows_accepted: 5203,
        rows_rejected: 7,
        size: 1_200_000,
        modified: '2026-10-11T22:00:00.000Z',
        sha256: 'a'.repeat(64),
      },
      household: {
        file: 'C:\\Users\\clerk\\户籍.csv',
        format: 'csv',
        encoding: 'gb18030',
        sheet: null,
        rows_read: 30100,
        rows_accepted: 30100,
        rows_rejected: 0,
        size: 3_000_000,
        modified: '2026-10-11T22:00:00.000Z',
        sha256: 'b'.repeat(64),
      },
    },
    links: { registry: rules, poverty: rules, poverty_to_registry: rules, attendance: null },
    cases: {
      total: 54,
      by_category: byCategory,
      by_reason: byReason,
      by_township: { 城关镇: 20, [HOSTILE_TOWNSHIP]: 3, 东湖镇: 17, 西岗镇: 14 },
    },
    attendance: null,
    population_by_township: {
      城关镇: { school_age: 4210, with_active_registration: 4175 },
      东湖镇: { school_age: 2630, with_active_registration: 2590 },
      西岗镇: { school_age: 1980, with_active_registration: 1969 },
      [HOSTILE_TOWNSHIP]: { school_age: 12, with_active_registration: 9 },
    },
  };
}

/** Five nightly runs of a ledger, the open lists shrinking as townships follow up. */
export function syntheticHistory(): DashboardHistory {
  return {
    runs: [
      { as_of: '2026-09-20', open_by_category: { enrolled_absent: 30, unregistered_school_age: 40, missing_id: 9 }, new: 79, resolved: 0 },
      { as_of: '2026-09-21', open_by_category: { enrolled_absent: 26, unregistered_school_age: 38, missing_id: 8 }, new: 2, resolved: 9 },
      {
        as_of: '2026-09-28',
        open_by_category: { enrolled_absent: 20, unregistered_school_age: 35, missing_id: 6, review: 3 },
        new: 5,
        resolved: 13,
      },
      {
        as_of: '2026-10-05',
        open_by_category: { enrolled_absent: 15, unregistered_school_age: 33, missing_id: 5, review: 7 },
        new: 6,
        resolved: 11,
      },
      {
        as_of: '2026-10-12',
        open_by_category: { enrolled_absent: 12, unregistered_school_age: 31, missing_id: 4, review: 7 },
        new: 1,
        resolved: 9,
      },
    ],
    funnel: { suspected: 93, confirmed: 61, persuaded: 44, returned_or_closed: 39 },
    open_age: { up_to_7_days: 8, days_8_to_30: 19, over_30_days: 27 },
  };
}
