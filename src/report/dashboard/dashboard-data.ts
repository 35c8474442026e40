import { CATEGORIES, REASONS, SOURCE_NAMES, type Case, type LedgerHistory } from '../../domain/index.js';
import { t } from '../../i18n/index.js';
import { CATEGORY_LABELS, REASON_LABELS, SOURCE_LABELS, type Lang } from '../labels.js';
import type { Summary } from '../../domain/index.js';

/**
 * Everything dashboard.html shows, and nothing else: numbers and the labels they
 * are counted under (categories, reasons, townships, schools, run dates, file
 * names). No case, no name, no ID number ever reaches the renderer (issue #16: the
 * page is forwarded to leaders).
 */
export interface DashboardData {
  readonly lang: Lang;
  readonly version: string;
  readonly as_of: string;
  readonly reference_day: string;
  readonly school_age: { readonly min: number; readonly max: number };
  readonly total: number;
  readonly inputs: readonly DashboardInput[];
  readonly by_category: readonly Count[];
  readonly by_reason: readonly Count[];
  readonly by_township: readonly Count[];
  readonly by_school: readonly Count[];
  /** How many schools have cases in all; `by_school` shows the first few of them. */
  readonly schools_with_cases: number;
  readonly population?: readonly TownshipPopulation[];
  readonly history?: DashboardHistory;
}

/** One bar: `key` is the code programs read (a category, a township as written), `label` what people read. */
export interface Count {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

export interface DashboardInput {
  readonly source: string;
  readonly label: string;
  /** The file's name without its folder: a path can name a person's home folder. */
  readonly file: string;
  readonly rows_read: number;
  readonly rows_accepted: number;
  readonly rows_rejected: number;
}

export interface TownshipPopulation {
  /** The township as written in summary.json (`''` when the records name none); `township` is what people read. */
  readonly key: string;
  readonly township: string;
  readonly school_age: number;
  readonly with_active_registration: number;
}

/** summary.json's `population_by_township` (issue #16), read when the summary has it. */
export type PopulationByTownship = Readonly<Record<string, { readonly school_age: number; readonly with_active_registration: number }>>;

/**
 * What the ledger (SPEC §8–§9) knows over time, for the trend charts. The pipeline
 * builds it from the ledger's runs and entries; a run without a ledger has none.
 */
/** The ledger over time (SPEC §8), as the ledger hands it on: one definition, in domain. */
export type DashboardHistory = LedgerHistory;

export interface DashboardSources {
  readonly summary: Summary & { readonly population_by_township?: PopulationByTownship };
  /** Per school, how many cases: see `countCasesBySchool`. */
  readonly casesBySchool: ReadonlyMap<string, number>;
  readonly history?: DashboardHistory;
  readonly lang: Lang;
}

/** The schools shown one by one; the rest are summed into one bar. */
export const SCHOOLS_SHOWN = 15;

/** The one place that reads cases for the dashboard, and it keeps only a count per school. */
export function countCasesBySchool(cases: readonly Case[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(c.school, (counts.get(c.school) ?? 0) + 1);
  return counts;
}

export function buildDashboardData({ summary, casesBySchool, history, lang }: DashboardSources): DashboardData {
  const inputs: DashboardInput[] = [];
  for (const source of SOURCE_NAMES) {
    const s = summary.sources[source];
    if (!s) continue;
    inputs.push({
      source,
      label: SOURCE_LABELS[source][lang],
      file: s.file.split(/[\\/]/).pop() ?? s.file,
      rows_read: s.rows_read,
      rows_accepted: s.rows_accepted,
      rows_rejected: s.rows_rejected,
    });
  }
  const population = summary.population_by_township;
  return {
    lang,
    version: summary.rollcall_version,
    as_of: summary.as_of,
    reference_day: summary.reference_day,
    school_age: summary.school_age,
    total: summary.cases.total,
    inputs,
    // Ranked, most first (a leader asks "where is the most"); every category stays in, 0 included.
    by_category: rank(
      CATEGORIES.map((category) => ({ key: category, label: CATEGORY_LABELS[category][lang], count: summary.cases.by_category[category] })),
    ),
    by_reason: rank(
      REASONS.filter((r) => summary.cases.by_reason[r] > 0).map((r) => ({
        key: r,
        label: REASON_LABELS[r][lang],
        count: summary.cases.by_reason[r],
      })),
    ),
    by_township: rank(
      Object.entries(summary.cases.by_township).map(([township, count]) => ({
        key: township,
        label: township === '' ? t('dashboard.no_township', lang) : township,
        count,
      })),
    ),
    by_school: rankSchools(casesBySchool, lang),
    schools_with_cases: [...casesBySchool.keys()].filter((school) => school !== '').length,
    ...(population ? { population: rankPopulation(population, lang) } : {}),
    ...(history ? { history } : {}),
  };
}

function rank(counts: Count[]): Count[] {
  return counts.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function rankSchools(casesBySchool: ReadonlyMap<string, number>, lang: Lang): Count[] {
  // Cases with no school (children never registered) keep a bar of their own, wherever they rank.
  const named = rank(
    [...casesBySchool].filter(([school]) => school !== '').map(([school, count]) => ({ key: school, label: school, count })),
  );
  const noSchool = casesBySchool.get('') ?? 0;
  const shown = rank([
    ...named.slice(0, SCHOOLS_SHOWN),
    ...(noSchool > 0 ? [{ key: '', label: t('dashboard.no_school', lang), count: noSchool }] : []),
  ]);
  const rest = named.slice(SCHOOLS_SHOWN);
  if (rest.length === 0) return shown;
  const restCount = rest.reduce((sum, c) => sum + c.count, 0);
  return [...shown, { key: '*', label: t('dashboard.other_schools', lang, { count: rest.length }), count: restCount }];
}

/** Townships with the most school-age children first: where most children live is where a gap matters most. */
function rankPopulation(population: PopulationByTownship, lang: Lang): TownshipPopulation[] {
  return Object.entries(population)
    .map(([township, p]) => ({ key: township, township: township === '' ? t('dashboard.no_township', lang) : township, ...pick(p) }))
    .sort((a, b) => b.school_age - a.school_age || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function pick(p: PopulationByTownship[string]): { school_age: number; with_active_registration: number } {
  return { school_age: p.school_age, with_active_registration: p.with_active_registration };
}
