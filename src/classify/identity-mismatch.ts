import { differsIn, type DifferenceField, type ReasonOf, ix, type RegistryIx } from '../domain/index.js';
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
  data.registry.forEach((record, i) => {
    const r = ix<RegistryIx>(i);
    if (record.statusKind !== 'active') return;
    const outcome = data.registryOutcomes[r]!;
    if (outcome.kind !== 'linked' || outcome.link.rule !== 'id_exact') return;
    // The link's evidence compares exactly what this rule reports: they cannot contradict.
    const reasons = MISMATCH_FIELDS.filter(([field]) => differsIn(outcome.link.evidence, field)).map(([, reason]) => reason);
    if (reasons.length > 0) findings.push(registryFinding(context, 'identity_mismatch', reasons, r));
  });
  return findings;
};

const MISMATCH_FIELDS: readonly (readonly [DifferenceField, ReasonOf<'identity_mismatch'>])[] = [
  ['name', 'name_differs'],
  ['gender', 'gender_differs'],
  ['birth_date', 'birth_date_differs'],
];
