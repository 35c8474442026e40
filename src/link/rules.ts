import {
  birthOf,
  genderOf,
  statedBirthOf,
  type Evidence,
  type FieldComparison,
  type FieldLevel,
  type IdComparison,
  type LinkRule,
  type ReviewReason,
  type SourceRecord,
} from '../domain/index.js';
import { compareNames } from '../normalize/index.js';
import { describeIdDifference } from './id-difference.js';
import type { People, PeopleIndex } from './people-index.js';

// SPEC §4: the linking rules, declarative and in order (STYLE 4). Each rule either
// does not apply, or returns its candidates with the evidence for each. The first
// rule that finds a candidate decides: the single best one links; equally good
// ones, or only weak ones, send the record to review. Anything else: not linked.

export interface Candidate<T extends number = number> {
  readonly target: T;
  readonly evidence: Evidence;
  /** Higher is better; equal scores are equally good. */
  readonly score: number;
  /** SPEC §4: a name_birth candidate whose name only sounds alike. */
  readonly weak: boolean;
}

export interface Link<T extends number = number> {
  readonly target: T;
  readonly rule: LinkRule;
  readonly evidence: Evidence;
}

export interface Review<T extends number = number> {
  readonly rule: LinkRule;
  readonly reasons: readonly ReviewReason[];
  readonly candidates: readonly Candidate<T>[];
}

/** What linking found for one record; `T` says which table the targets index. */
export type LinkOutcome<T extends number = number> =
  | { readonly kind: 'linked'; readonly link: Link<T> }
  | { readonly kind: 'review'; readonly review: Review<T> }
  | { readonly kind: 'none' };

interface RuleDefinition {
  readonly rule: LinkRule;
  /** null when the rule does not apply to this record. */
  readonly candidates: <T extends number>(record: SourceRecord, index: PeopleIndex<T>) => Candidate<T>[] | null;
}

export const RULES: readonly RuleDefinition[] = [
  {
    // Equal normalised valid IDs.
    rule: 'id_exact',
    candidates: (record, index) =>
      record.idState !== 'valid'
        ? null
        : index.withId(record.id, MAX_CANDIDATES).map((target) => candidate(target, evidenceFor(record, index.people, target, EQUAL), 0)),
  },
  {
    // One substitution, one adjacent transposition, or two substitutions between
    // valid IDs; names equal or alike; genders not contradicting.
    rule: 'id_fuzzy',
    candidates: (record, index) => {
      if (record.id.length !== 18) return null;
      const found: Candidate<typeof index.people extends People<infer U> ? U : never>[] = [];
      for (const target of index.nearId(record.id)) {
        const difference = describeIdDifference(record.id, index.idOf(target));
        if (!difference) continue;
        if (difference.level === 'two_substitutions' && record.idState !== 'valid') continue;
        // Cheap tests first: most neighbours of an ID are strangers of the other sex or name.
        if (compare(genderOf(record), index.people.gender(target)) === 'differs') continue;
        const evidence = evidenceFor(record, index.people, target, difference);
        if (evidence.name.level === 'differs' || evidence.name.level === 'missing') continue;
        const edits = difference.level === 'two_substitutions' ? 10 : 20;
        found.push(candidate(target, evidence, edits + (evidence.name.level === 'equal' ? 2 : 1)));
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
      const found: Candidate<typeof index.people extends People<infer U> ? U : never>[] = [];
      for (const target of index.bornOn(birth)) {
        if (recordHasId && index.people.idKey(target) >= 0) continue;
        if (compare(genderOf(record), index.people.gender(target)) === 'differs') continue;
        const township = index.people.township(target);
        if (record.township && township && record.township !== township) continue;
        const evidence = evidenceFor(record, index.people, target, NOT_COMPARED);
        // The same birth date as each side states it, too: a link never shows a birth date that differs.
        if (evidence.name.level === 'differs' || evidence.name.level === 'missing' || evidence.birth_date.level === 'differs') continue;
        found.push({ target, evidence, score: 0, weak: evidence.name.level === 'sound_alike' });
        if (found.length === MAX_CANDIDATES) break;
      }
      return found;
    },
  },
];

/** Links one record to at most one person of the index (SPEC §4). */
export function linkRecord<T extends number>(record: SourceRecord, index: PeopleIndex<T>): LinkOutcome<T> {
  for (const { rule, candidates } of RULES) {
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

function candidate<T extends number>(target: T, evidence: Evidence, score: number): Candidate<T> {
  return { target, evidence, score, weak: false };
}

/**
 * More candidates than this are not collected: a record that fits 20 people is in
 * review whatever the 21st says, and a person repeated 10,000 times must not make
 * linking quadratic (issue #8). Review lists at most this many (docs/DECISIONS.md).
 */
export const MAX_CANDIDATES = 20;

const EQUAL: IdComparison = { level: 'equal' };
const NOT_COMPARED: IdComparison = { level: 'not_compared' };

/**
 * How `record` compares with person t, field by field. Each side's values are as
 * the row states them, and where it states none, as its valid ID implies: the
 * same comparison identity_mismatch reports, so a link's evidence and a case's
 * reasons never contradict each other.
 */
export function evidenceFor<T extends number>(record: SourceRecord, people: People<T>, t: T, id: IdComparison): Evidence {
  return {
    id_number: id,
    name: { level: nameLevel(record.name, people.name(t)) },
    gender: level(compare(genderOf(record), people.gender(t))),
    birth_date: level(compare(statedBirthOf(record) || null, people.statedBirth(t) || null)),
    township: level(compare(record.township || null, people.township(t) || null)),
  };
}

function nameLevel(a: string, b: string): FieldLevel {
  if (!a || !b) return 'missing';
  const agreement = compareNames(a, b);
  return agreement === 'different' ? 'differs' : agreement;
}

const LEVELS: Record<FieldLevel, FieldComparison> = {
  equal: { level: 'equal' },
  sound_alike: { level: 'sound_alike' },
  differs: { level: 'differs' },
  missing: { level: 'missing' },
};

function level(value: FieldLevel): FieldComparison {
  return LEVELS[value];
}

function compare<T>(a: T | null, b: T | null): 'equal' | 'differs' | 'missing' {
  if (a === null || b === null) return 'missing';
  return a === b ? 'equal' : 'differs';
}
