import type { ReasonOf } from '../domain/index.js';
import { registryFinding, type Classifier, type Finding } from './finding.js';

/**
 * SPEC §5 身份信息不一致 identity mismatch: an active registration linked by
 * id_exact whose name, gender or birth date is not the household person's. A value
 * missing on either side is no difference; normalisation has already removed
 * full-width forms, spaces, traditional characters and separator dots.
 */
export const identityMismatch: Classifier = (context) => {
  const { data } = context;
  const findings: Finding[] = [];
  data.registry.forEach((record, r) => {
    if (record.statusKind !== 'active') return;
    const outcome = data.registryOutcomes[r]!;
    if (outcome.kind !== 'linked' || outcome.link.rule !== 'id_exact') return;
    const t = outcome.link.target;
    const reasons: ReasonOf<'identity_mismatch'>[] = [];
    const personName = data.household.name(t);
    if (record.name && personName && record.name !== personName) reasons.push('name_differs');
    const personGender = data.household.gender(t);
    if (record.gender && personGender && record.gender !== personGender) reasons.push('gender_differs');
    const personBirth = data.household.birth(t);
    if (record.birthDate && personBirth && record.birthDate !== personBirth) reasons.push('birth_date_differs');
    if (reasons.length > 0) findings.push(registryFinding(context, 'identity_mismatch', reasons, r));
  });
  return findings;
};
