import type { SourceRecord } from '../domain/index.js';
import type { LinkOutcome } from '../link/index.js';
import { registryFinding, type Classifier, type Finding } from './finding.js';

/**
 * SPEC §5 待人工核实 for a person to review: a record with more than one equally
 * good candidate, or only a weak one. Every record in review is listed, whatever
 * its status: its candidates are kept out of 适龄未入学 until a person decides.
 */
export const review: Classifier = (context) => {
  const { data } = context;
  const findings: Finding[] = [];
  data.registryOutcomes.forEach((outcome, r) => {
    if (outcome.kind !== 'review') return;
    const people = outcome.review.candidates.map((c) => data.household.at(c.target));
    findings.push({ ...registryFinding(context, 'review', [...outcome.review.reasons], r), review: { review: outcome.review, people } });
  });
  data.poverty.forEach((member, p) => {
    const outcome: LinkOutcome = data.povertyOutcomes[p]!.kind === 'review' ? data.povertyOutcomes[p]! : data.povertyRegistryOutcomes[p]!;
    if (outcome.kind !== 'review') return;
    const againstHousehold = data.povertyOutcomes[p]!.kind === 'review';
    const people: SourceRecord[] = outcome.review.candidates.map((c) =>
      againstHousehold ? data.household.at(c.target) : data.registry[data.registryPersons[c.target]![0]!]!,
    );
    findings.push({
      category: 'review',
      reasons: [...outcome.review.reasons],
      primary: member,
      household: null,
      others: [],
      link: null,
      review: { review: outcome.review, people },
      suggestedId: null,
    });
  });
  return findings;
};
