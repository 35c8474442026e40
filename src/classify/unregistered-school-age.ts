import type { ReasonOf, SourceRecord } from '../domain/index.js';
import type { LinkedData } from '../link/index.js';
import { isSchoolAgeRecord, type Classifier, type Finding } from './finding.js';

/**
 * SPEC §5 适龄未入学 school-age but unregistered:
 * - a living, school-age household person with no registration of any status
 *   linked to them, who is not a candidate of a review (the review decides);
 * - a school-age poverty member linked to nobody in the household register or the
 *   registry, and not in review;
 * - `no_active_registration`: either of them with registrations that all say the
 *   child left (小升初 with no junior-middle registration, 转出 with none new,
 *   其他离校), none an approved suspension or a completion of compulsory education.
 */
export const unregisteredSchoolAge: Classifier = (context) => {
  const { data } = context;
  const findings: Finding[] = [];
  const { household } = data;
  // Living and of school age already (classifyContext): a record is made only for the few who are cases.
  for (const h of context.schoolAgeHousehold) {
    if (data.reviewCandidates.has(h)) continue;
    const registrations = data.registryByHousehold.get(h);
    if (registrations && !haveAllLeft(data, registrations)) continue;
    const poverty = (data.povertyByHousehold.get(h) ?? []).map((p) => data.poverty[p]!);
    findings.push(unregistered(household.at(h), registrations, poverty, data));
  }
  data.poverty.forEach((member, p) => {
    if (data.povertyOutcomes[p]!.kind !== 'none') return;
    const outcome = data.povertyRegistryOutcomes[p]!;
    if (outcome.kind === 'review' || !isSchoolAgeRecord(context, member)) return;
    const registrations = outcome.kind === 'linked' ? data.registryPersons[outcome.link.target]! : undefined;
    if (registrations && !haveAllLeft(data, registrations)) return;
    findings.push(unregistered(member, registrations, [], data));
  });
  return findings;
};

/**
 * SPEC §5 `no_active_registration`: every registration's status is in the *left*
 * list and is neither a suspension (休学, 保留学籍) nor a completion (毕业/结业 on
 * grades 7–9). Active, dropout, empty and unknown statuses keep the child out: an
 * unknown status must never turn a whole county into cases.
 */
function haveAllLeft(data: LinkedData, registrations: readonly number[]): boolean {
  return registrations.every((r) => {
    const record = data.registry[r]!;
    return record.statusKind === 'left' && record.exit === 'other';
  });
}

function unregistered(
  primary: SourceRecord,
  registrations: readonly number[] | undefined,
  poverty: readonly SourceRecord[],
  data: LinkedData,
): Finding {
  const reason: ReasonOf<'unregistered_school_age'> = registrations ? 'no_active_registration' : 'no_registry_record';
  // The registrations that say the child left go with the case: a clerk sees which school and status.
  const left = (registrations ?? []).map((r) => data.registry[r]!);
  return {
    category: 'unregistered_school_age',
    reasons: [reason],
    primary,
    household: null,
    others: [...poverty, ...left],
    link: null,
    review: null,
    suggestedId: null,
  };
}
