import { birthOf, type SourceRecord } from '../domain/index.js';
import { isChecksumValid } from '../normalize/index.js';
import { IdKeyTable } from './id-key.js';
import { forEachNeighbourKey } from './id-neighbourhood.js';
import { KeyIndex } from './key-index.js';

/**
 * The people records are linked to (household persons, or registry persons for a
 * poverty member with no household person), indexed by the blocking keys of the
 * linking rules (STYLE 10): exact ID, ID neighbourhood, birth date. No rule ever
 * compares all pairs; the cost of a run grows linearly with the records.
 */
export class PeopleIndex {
  readonly keys = new IdKeyTable();
  /** key → targets (more than one when an ID is shared: 重号). */
  private readonly byKey: KeyIndex;
  private byBirth: Map<number, number[]> | null = null;

  constructor(readonly targets: readonly SourceRecord[]) {
    this.byKey = new KeyIndex(targets.length, targets.length);
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t]!;
      if (target.idState === 'valid') this.byKey.add(this.keys.register(target.id), t);
    }
  }

  /** Targets whose valid ID is exactly `id` (a valid ID). */
  withId(id: string): number[] {
    const found: number[] = [];
    const key = this.keys.lookup(id);
    if (key >= 0) this.byKey.forEach(key, (t) => found.push(t));
    return found;
  }

  /** Targets whose valid ID may be one or two edits from `id` (exact matches excluded). */
  nearId(id: string): number[] {
    const found = new Set<number>();
    forEachNeighbourKey(id, isChecksumValid(id), this.keys, (key) =>
      this.byKey.forEach(key, (t) => {
        if (this.targets[t]!.id !== id) found.add(t);
      }),
    );
    return [...found];
  }

  /** Targets born on `day`; the index is built on the first call (only name_birth asks). */
  bornOn(day: number): readonly number[] {
    if (!this.byBirth) {
      this.byBirth = new Map();
      for (let t = 0; t < this.targets.length; t++) {
        const birth = birthOf(this.targets[t]!);
        if (!birth) continue;
        const list = this.byBirth.get(birth);
        if (list) list.push(t);
        else this.byBirth.set(birth, [t]);
      }
    }
    return this.byBirth.get(day) ?? [];
  }
}
