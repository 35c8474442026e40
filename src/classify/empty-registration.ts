import { type ReasonOf, type SourceRecord, ix, type RegistryIx } from '../domain/index.js';
import { recordKey } from './case-id.js';
import type { LinkedData } from '../link/index.js';
import { registryFinding, type Classifier, type Finding } from './finding.js';

/**
 * SPEC §5 空挂学籍 empty (ghost) registration, for active registrations:
 * - a valid in-county ID no household person has, that links by no rule;
 * - linked to a deceased household person;
 * - two or more active registrations linked to one person, or sharing one valid ID
 *   that no household person has (a migrant child registered twice): a case for
 *   each, naming the others.
 */
export const emptyRegistration: Classifier = (context) => {
  const { data } = context;
  const county = new Set(data.county.prefixes);
  const duplicates = findDuplicates(data);

  const findings: Finding[] = [];
  data.registry.forEach((record, i) => {
    const r = ix<RegistryIx>(i);
    if (record.statusKind !== 'active') return;
    const outcome = data.registryOutcomes[r]!;
    const reasons: ReasonOf<'empty_registration'>[] = [];
    if (outcome.kind === 'none' && record.idState === 'valid' && county.has(record.id.slice(0, 6))) reasons.push('id_not_in_household');
    if (outcome.kind === 'linked' && data.household.statusKind(outcome.link.target) === 'deceased') reasons.push('person_deceased');
    const others = duplicates.get(r);
    if (others) reasons.push('duplicate_registration');
    if (reasons.length > 0) findings.push(registryFinding(context, 'empty_registration', reasons, r, others));
  });
  return findings;
};

/**
 * The registrations a duplicate case names besides its own: one of each other
 * registration (copies of this very row are merged into its case by classify),
 * at most MAX_NAMED, so that a child repeated 10,000 times costs 10,000 short
 * cases, not 10,000² records (issue #8).
 */
function otherRegistrations(active: readonly SourceRecord[], self: SourceRecord): SourceRecord[] {
  const own = recordKey(self);
  const seen = new Set<string>([own]);
  const others: SourceRecord[] = [];
  for (const record of active) {
    const key = recordKey(record);
    if (record === self || seen.has(key)) continue;
    seen.add(key);
    others.push(record);
    if (others.length === MAX_NAMED) break;
  }
  // Nothing else but copies of this row: the copies are the duplicates.
  return others;
}

/** How many other registrations a duplicate_registration case names (docs/DECISIONS.md). */
const MAX_NAMED = 20;
/** Active registration → the other active registrations of the same child. */
function findDuplicates(data: LinkedData): Map<number, SourceRecord[]> {
  const duplicates = new Map<number, SourceRecord[]>();
  const addGroup = (active: readonly number[]) => {
    if (active.length < 2) return;
    for (const r of active)
      duplicates.set(
        r,
        otherRegistrations(
          active.map((other) => data.registry[other]!),
          data.registry[r]!,
        ),
      );
  };
  const isActive = (r: number) => data.registry[r]!.statusKind === 'active';
  for (const registrations of data.registryByHousehold.values()) addGroup(registrations.filter(isActive));
  // Registrations sharing a valid ID that linked to nobody (id_exact would have
  // found a household person with that ID): one child, not in the household register.
  for (const group of data.registryPersons) {
    if (group.length < 2) continue;
    addGroup(group.filter((r) => isActive(r) && data.registryOutcomes[r]!.kind === 'none'));
  }
  return duplicates;
}
