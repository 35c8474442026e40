import { CATEGORIES, isSchoolAge, ix, type Case, type HouseholdIx } from '../domain/index.js';
import { GuardianFinder, type LinkedData } from '../link/index.js';
import { buildCase } from './case-builder.js';
import { recordKey } from './case-id.js';
import { emptyRegistration } from './empty-registration.js';
import { enrolledAbsent } from './enrolled-absent.js';
import type { Classifier, ClassifyContext, Finding } from './finding.js';
import { identityMismatch } from './identity-mismatch.js';
import { missingId } from './missing-id.js';
import { review } from './review.js';
import { unregisteredSchoolAge } from './unregistered-school-age.js';

export type { ClassifyContext, Finding, Classifier } from './finding.js';
export { genderName } from './case-builder.js';

/** SPEC §5, one classifier per category. Adding a category is adding a file and a line. */
export const CLASSIFIERS: readonly Classifier[] = [
  enrolledAbsent,
  unregisteredSchoolAge,
  missingId,
  emptyRegistration,
  identityMismatch,
  review,
];

export interface Classified {
  readonly cases: readonly Case[];
  /** The finding behind each case, same order (the reports read grade, class, village from it). */
  readonly findings: readonly Finding[];
}

/** What the classifiers read: the linked data, the school-age settings, and the school-age household people. */
export function classifyContext(data: LinkedData, settings: Pick<ClassifyContext, 'referenceDay' | 'schoolAge' | 'asOf'>): ClassifyContext {
  const { household } = data;
  const schoolAgeHousehold: HouseholdIx[] = [];
  for (let i = 0; i < household.length; i++) {
    const h = ix<HouseholdIx>(i);
    if (household.statusKind(h) === 'living' && isSchoolAge(household.birth(h), settings.referenceDay, settings.schoolAge))
      schoolAgeHousehold.push(h);
  }
  const { referenceDay, schoolAge, asOf } = settings;
  return { data, referenceDay, schoolAge, asOf, schoolAgeHousehold };
}

/** Every case, each record at most once per category, in the stable order of cases.jsonl. */
export function classify(context: ClassifyContext): Classified {
  const county = new Set(context.data.county.prefixes);
  const findings = mergeCopies(CLASSIFIERS.flatMap((classifier) => classifier(context)));
  // SPEC §11: the guardians of the cases' children, from their households alone.
  const households = findings.map((f) => (f.primary.source === 'household' ? f.primary.householdNo : (f.household?.householdNo ?? '')));
  const guardians = new GuardianFinder(context.data.household, context.asOf).onlyHouseholds(households.filter(Boolean));
  const built = findings.map((finding) => ({ finding, case: buildCase(finding, county, guardians) }));
  const order = new Map(CATEGORIES.map((category, i) => [category, i]));
  built.sort(
    (a, b) =>
      order.get(a.case.category)! - order.get(b.case.category)! ||
      compare(a.case.township, b.case.township) ||
      compare(a.case.school, b.case.school) ||
      compare(a.case.case_id, b.case.case_id) ||
      a.finding.primary.row - b.finding.primary.row,
  );
  disambiguateIds(built.map((entry) => entry.case));
  return { cases: built.map((entry) => entry.case), findings: built.map((entry) => entry.finding) };
}

/**
 * A row exported more than once (the same category and the same record key) is
 * one case that lists its copies, not one case per copy (issue #8: a child
 * repeated 10,000 times must not cost 10,000 cases, each naming the others).
 */
function mergeCopies(findings: readonly Finding[]): Finding[] {
  const first = new Map<string, { finding: Finding; copies: Finding['primary'][] }>();
  for (const finding of findings) {
    const key = `${finding.category}\n${recordKey(finding.primary)}`;
    const kept = first.get(key);
    if (kept) kept.copies.push(finding.primary);
    else first.set(key, { finding, copies: [] });
  }
  return [...first.values()].map(({ finding, copies }) =>
    copies.length === 0 ? finding : { ...finding, others: [...copies, ...finding.others] },
  );
}

/** Two records with identical keys (the same row twice) share a hash: number the later ones. */
function disambiguateIds(cases: Case[]): void {
  const seen = new Map<string, number>();
  for (const c of cases) {
    const count = (seen.get(c.case_id) ?? 0) + 1;
    seen.set(c.case_id, count);
    if (count > 1) (c as { case_id: string }).case_id = `${c.case_id}-${count}`;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
export { describeCoverage, type Coverage } from './coverage.js';
