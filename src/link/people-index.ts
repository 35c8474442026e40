import type { Gender, SourceRecord, StatusKind } from '../domain/index.js';
import { isChecksumValid, type IdKeyTable } from '../normalize/index.js';
import { forEachNeighbourKey } from './id-neighbourhood.js';
import { KeyIndex } from './key-index.js';

/**
 * The people records are linked to, by position: the household register (kept in
 * columns, load/record-table.ts), or registry persons for a poverty member with no
 * household person. The loops over everyone read columns; a record is made only
 * for the few people a rule looks at.
 */
export interface People<T extends number = number> {
  readonly length: number;
  /** The table the people's valid IDs were packed with (the layout of a key belongs to it). */
  readonly idKeys: IdKeyTable;
  at(t: T): SourceRecord;
  /** The packed key of t's valid ID, or -1. */
  idKey(t: T): number;
  /** SPEC §3: the birth date of a valid ID, else the stated one (0: none). */
  birth(t: T): number;
  /** The stated birth date, else the one a valid ID implies (what evidence compares). */
  statedBirth(t: T): number;
  statusKind(t: T): StatusKind;
  /** The stated gender, else the one a valid ID implies. */
  gender(t: T): Gender | null;
  /** The normalised name. */
  name(t: T): string;
  township(t: T): string;
  village(t: T): string;
  /** The name as written (for people to read). */
  writtenName(t: T): string;
  /** The normalised ID as a text (valid or not; '' when none). */
  id(t: T): string;
  /** The row of the input file. */
  row(t: T): number;
  /** FLAG_BITS of the yes/no fields. */
  flags(t: T): number;
  /** 户号 and 与户主关系 (SPEC §11 guardians). */
  householdNo(t: T): string;
  relation(t: T): string;
}

/**
 * People indexed by the blocking keys of the linking rules (STYLE 10): exact ID,
 * ID neighbourhood, birth date. No rule ever compares all pairs; the cost of a run
 * grows linearly with the records.
 */
export class PeopleIndex<T extends number = number> {
  /** key → people (more than one when an ID is shared: 重号). */
  private readonly byKey: KeyIndex;
  private byBirth: BirthIndex | null = null;

  readonly keys: IdKeyTable;

  constructor(readonly people: People<T>) {
    this.keys = people.idKeys;
    this.byKey = new KeyIndex(people.length, people.length);
    for (let t = 0; t < people.length; t++) {
      const key = people.idKey(t as T);
      if (key >= 0) this.byKey.add(key, t);
    }
  }

  /** t's valid ID as text ('' when t has none). */
  idOf(t: T): string {
    const key = this.people.idKey(t);
    return key < 0 ? '' : this.keys.idOf(key);
  }

  /** People whose valid ID is exactly `id` (a valid ID), the first `limit` of them. */
  withId(id: string, limit = Number.POSITIVE_INFINITY): T[] {
    const found: T[] = [];
    const key = this.keys.lookup(id);
    if (key >= 0) this.byKey.forEach(key, (t) => found.length < limit && found.push(t as T));
    return found;
  }

  /** People whose valid ID may be one or two edits from `id` (exact matches excluded). */
  nearId(id: string): T[] {
    const found = new Set<T>();
    const valid = isChecksumValid(id);
    // A key leaves out the check character: the same key is the same ID only for a valid query.
    const own = valid ? this.keys.lookup(id) : -1;
    forEachNeighbourKey(id, valid, this.keys, (key) => {
      if (key !== own) this.byKey.forEach(key, (t) => found.add(t as T));
    });
    return [...found];
  }

  /** People born on `day`, in order; the index is built on the first call (only name_birth asks). */
  bornOn(day: number): Iterable<T> {
    const index = (this.byBirth ??= birthIndex(this.people));
    const at = index.days.get(day);
    return (at === undefined ? NOBODY : index.people.subarray(index.starts[at]!, index.starts[at + 1]!)) as unknown as Iterable<T>;
  }
}

const NOBODY = new Int32Array(0);

/** People grouped by birth date, in one array (a few thousand distinct days, a million people). */
interface BirthIndex {
  /** day → its group's number. */
  readonly days: Map<number, number>;
  /** Group g is people[starts[g] … starts[g + 1]). */
  readonly starts: Int32Array;
  readonly people: Int32Array;
}

function birthIndex(people: People<never>): BirthIndex {
  const days = new Map<number, number>();
  const group = new Int32Array(people.length).fill(-1);
  const counts: number[] = [];
  for (let t = 0; t < people.length; t++) {
    const birth = people.birth(t as never);
    if (!birth) continue;
    let g = days.get(birth);
    if (g === undefined) {
      g = counts.push(0) - 1;
      days.set(birth, g);
    }
    counts[g]!++;
    group[t] = g;
  }
  const starts = new Int32Array(counts.length + 1);
  for (let g = 0; g < counts.length; g++) starts[g + 1] = starts[g]! + counts[g]!;
  const next = starts.slice(0, counts.length);
  const sorted = new Int32Array(starts[counts.length]!);
  for (let t = 0; t < people.length; t++) {
    const g = group[t]!;
    if (g >= 0) sorted[next[g]!++] = t;
  }
  return { days, starts, people: sorted };
}
