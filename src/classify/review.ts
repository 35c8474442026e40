import { ix, type RegistryIx, type SourceRecord } from '../domain/index.js';
import type { Review } from '../link/index.js';
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
    findings.push({
      ...registryFinding(context, 'review', [...outcome.review.reasons], ix<RegistryIx>(r)),
      review: { review: outcome.review, people },
    });
  });
  data.poverty.forEach((member, p) => {
    // Against the household register, or (no household person) against registry persons.
    const household = data.povertyOutcomes[p]!;
    const registry = data.povertyRegistryOutcomes[p]!;
    let review: Review | null = null;
    let people: SourceRecord[] = [];
    if (household.kind === 'review') {
      review = household.review;
      people = household.review.candidates.map((c) => data.household.at(c.target));
    } else if (registry.kind === 'review') {
      review = registry.review;
      people = registry.review.candidates.map((c) => data.registry[data.registryPersons[c.target]![0]!]!);
    }
    if (!review) return;
    findings.push({
      category: 'review',
      reasons: [...review.reasons],
      primary: member,
      household: null,
      others: [],
      link: null,
      review: { review, people },
      suggestedId: null,
    });
  });
  return findings;
};
