import { type IdState, type ReasonOf, ix, type RegistryIx } from '../domain/index.js';
import { registryFinding, type Classifier, type Finding } from './finding.js';

const REASON_OF_STATE: Partial<Record<IdState, ReasonOf<'missing_id'>>> = {
  empty: 'id_empty',
  malformed: 'id_malformed',
  bad_region: 'id_bad_region',
  bad_date: 'id_bad_date',
  bad_checksum: 'id_bad_checksum',
};

/**
 * SPEC §5 无身份证号/证号有误 missing or wrong ID, for active registrations:
 * - an ID that is empty, malformed or fails a GB 11643 test;
 * - a valid ID that linked only by id_fuzzy (the registry ID is wrong);
 * - either, with no household person linked and none in review: the child may have
 *   no 户口 at all (入户), `no_household_record`.
 */
export const missingId: Classifier = (context) => {
  const { data } = context;
  const findings: Finding[] = [];
  data.registry.forEach((record, i) => {
    const r = ix<RegistryIx>(i);
    if (record.statusKind !== 'active') return;
    const outcome = data.registryOutcomes[r]!;
    const reasons: ReasonOf<'missing_id'>[] = [];
    const stateReason = REASON_OF_STATE[record.idState];
    if (stateReason) reasons.push(stateReason);
    else if (record.idState === 'valid' && outcome.kind === 'linked' && outcome.link.rule === 'id_fuzzy') reasons.push('id_differs');
    if (reasons.length === 0) return;
    if (outcome.kind === 'none') reasons.push('no_household_record');
    findings.push(registryFinding(context, 'missing_id', reasons, r));
  });
  return findings;
};
