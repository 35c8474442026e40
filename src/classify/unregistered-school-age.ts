import { isSchoolAge, type SourceRecord } from '../domain/index.js';
import { isSchoolAgeRecord, type Classifier, type Finding } from './finding.js';

/**
 * SPEC §5 适龄未入学 school-age but unregistered:
 * - a living, school-age household person with no registration of any status
 *   linked to them, who is not a candidate of a review (the review decides);
 * - a school-age poverty member linked to nobody in the household register or the
 *   registry, and not in review.
 */
export const unregisteredSchoolAge: Classifier = (context) => {
  const { data } = context;
  const findings: Finding[] = [];
  const { household } = data;
  for (let h = 0; h < household.length; h++) {
    // Columns first: a record is made only for the few who are cases.
    if (!isSchoolAge(household.birth(h), context.referenceDay, context.schoolAge)) continue;
    if (household.statusKind(h) !== 'living' || data.registryByHousehold.has(h) || data.reviewCandidates.has(h)) continue;
    findings.push(noRegistryRecord(household.at(h), (data.povertyByHousehold.get(h) ?? []).map((p) => data.poverty[p]!)));
  }
  data.poverty.forEach((member, p) => {
    if (data.povertyOutcomes[p]!.kind !== 'none' || data.povertyRegistryOutcomes[p]!.kind !== 'none') return;
    if (isSchoolAgeRecord(context, member)) findings.push(noRegistryRecord(member, []));
  });
  return findings;
};

function noRegistryRecord(primary: SourceRecord, poverty: readonly SourceRecord[]): Finding {
  return { category: 'unregistered_school_age', reasons: ['no_registry_record'], primary, household: null, others: poverty, link: null, review: null, suggestedId: null };
}
