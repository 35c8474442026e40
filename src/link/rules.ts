import { birthOf, genderOf, type SourceRecord } from '../domain/index.js';
import { compareNames, type NameAgreement } from '../normalize/index.js';
import { describeIdDifference } from './id-difference.js';
import type { People, PeopleIndex } from './people-index.js';

// SPEC §4: the linking rules, declarative and in order (STYLE 4). Each rule either
// does not apply, or returns its candidates with the evidence for each. The first
// rule that finds a candidate decides: the single best one links; equally good
// ones, or only weak ones, send the record to review. Anything else: not linked.

export type LinkRule = 'id_exact' | 'id_fuzzy' | 'name_birth';
export type ReviewReason = 'ambiguous_match' | 'weak_match';

/** Why a record and a person were linked (or offered), field by field. */
export interface Evidence {
  /** "equal", the difference ("digits 11–12 transposed"), or "not used". */
  readonly id: string;
  readonly name: NameAgreement;
  readonly gender: Agreement;
  readonly birth_date: Agreement;
  readonly township: Agreement;
}
export type Agreement = 'equal' | 'differs' | 'unknown';

export interface Candidate {
  readonly target: number;
  readonly evidence: Evidence;
  /** Higher is better; equal scores are equally good. */
  readonly score: number;
  /** SPEC §4: a name_birth candidate whose name only sounds alike. */
  readonly weak: boolean;
}

export interface Link {
  readonly target: number;
  readonly rule: LinkRule;
  readonly evidence: Evidence;
}

export interface Review {
  readonly rule: LinkRule;
  readonly reasons: readonly ReviewReason[];
  readonly candidates: readonly Candidate[];
}

export type LinkOutcome = { readonly kind: 'linked'; readonly link: Link } | { readonly kind: 'review'; readonly review: Review } | { readonly kind: 'none' };

interface RuleDefinition {
  readonly rule: LinkRule;
  /** null when the rule does not apply to this record. */
  readonly candidates: (record: SourceRecord, index: PeopleIndex) => Candidate[] | null;
}

export const LINK_RULES: readonly RuleDefinition[] = [
  {
    // Equal normalised valid IDs.
    rule: 'id_exact',
    candidates: (record, index) =>
      record.idState !== 'valid' ? null : index.withId(record.id).map((target) => candidate(target, evidenceFor(record, index.people, target, 'equal'), 0)),
  },
  {
    // One substitution, one adjacent transposition, or two substitutions between
    // valid IDs; names equal or alike; genders not contradicting.
    rule: 'id_fuzzy',
    candidates: (record, index) => {
      if (record.id.length !== 18) return null;
      const found: Candidate[] = [];
      for (const target of index.nearId(record.id)) {
        const difference = describeIdDifference(record.id, index.idOf(target));
        if (!difference) continue;
        if (difference.kind === 'two_substitutions' && record.idState !== 'valid') continue;
        // Cheap tests first: most neighbours of an ID are strangers of the other sex or name.
        if (agreement(genderOf(record), index.people.gender(target)) === 'differs') continue;
        const evidence = evidenceFor(record, index.people, target, difference.text);
        if (evidence.name === 'different') continue;
        const edits = difference.kind === 'two_substitutions' ? 10 : 20;
        found.push(candidate(target, evidence, edits + (evidence.name === 'equal' ? 2 : 1)));
      }
      return found;
    },
  },
  {
    // No usable ID on one side; equal names (alike: weak); the same birth date;
    // genders agree; the same township when both carry one.
    rule: 'name_birth',
    candidates: (record, index) => {
      const birth = birthOf(record);
      if (!birth || !record.name) return null;
      const recordHasId = record.idState === 'valid';
      const found: Candidate[] = [];
      for (const target of index.bornOn(birth)) {
        if (recordHasId && index.people.idKey(target) >= 0) continue;
        if (agreement(genderOf(record), index.people.gender(target)) === 'differs') continue;
        const township = index.people.township(target);
        if (record.township && township && record.township !== township) continue;
        const evidence = evidenceFor(record, index.people, target, 'not used');
        if (evidence.name === 'different' || evidence.gender === 'differs' || evidence.township === 'differs') continue;
        found.push({ target, evidence, score: 0, weak: evidence.name === 'sound_alike' });
      }
      return found;
    },
  },
];

/** Links one record to at most one person of the index (SPEC §4). */
export function linkRecord(record: SourceRecord, index: PeopleIndex): LinkOutcome {
  for (const { rule, candidates } of LINK_RULES) {
    const found = candidates(record, index);
    if (!found || found.length === 0) continue;
    const strong = found.filter((c) => !c.weak);
    if (strong.length === 0) {
      const reasons: ReviewReason[] = found.length > 1 ? ['ambiguous_match', 'weak_match'] : ['weak_match'];
      return { kind: 'review', review: { rule, reasons, candidates: found } };
    }
    const best = Math.max(...strong.map((c) => c.score));
    const top = strong.filter((c) => c.score === best);
    if (top.length === 1) return { kind: 'linked', link: { target: top[0]!.target, rule, evidence: top[0]!.evidence } };
    return { kind: 'review', review: { rule, reasons: ['ambiguous_match'], candidates: top } };
  }
  return { kind: 'none' };
}

function candidate(target: number, evidence: Evidence, score: number): Candidate {
  return { target, evidence, score, weak: false };
}

/** How `record` compares with person t, field by field. */
export function evidenceFor(record: SourceRecord, people: People, t: number, id: string): Evidence {
  return {
    id,
    name: compareNames(record.name, people.name(t)),
    gender: agreement(genderOf(record), people.gender(t)),
    birth_date: agreement(birthOf(record) || null, people.birth(t) || null),
    township: agreement(record.township || null, people.township(t) || null),
  };
}

function agreement<T>(a: T | null, b: T | null): Agreement {
  if (a === null || b === null) return 'unknown';
  return a === b ? 'equal' : 'differs';
}
