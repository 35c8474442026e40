import { type ReasonOf, ix, type RegistryIx } from '../domain/index.js';
import { registryChildIsSchoolAge, registryFinding, type Classifier, type Finding } from './finding.js';

/**
 * SPEC §5 在籍不在校 enrolled but absent:
 * - an active registration of a child a poverty member says is out of school;
 * - an active registration at a school the check-in roster covers, with no check-in;
 * - a registration with a dropout status, of a school-age child.
 */
export const enrolledAbsent: Classifier = (context) => {
  const { data } = context;
  const findings: Finding[] = [];
  data.registry.forEach((record, i) => {
    const r = ix<RegistryIx>(i);
    const reasons: ReasonOf<'enrolled_absent'>[] = [];
    if (record.statusKind === 'active') {
      if ((data.povertyByRegistry.get(r) ?? []).some((p) => data.poverty[p]!.outOfSchool)) reasons.push('poverty_out_of_school');
      if (data.attendance.present && !data.attendance.checkedIn[r] && data.attendance.covers(record)) reasons.push('not_checked_in');
    } else if (record.statusKind === 'dropout' && registryChildIsSchoolAge(context, r)) {
      reasons.push('registry_dropout');
    }
    if (reasons.length > 0) findings.push(registryFinding(context, 'enrolled_absent', reasons, r));
  });
  return findings;
};
