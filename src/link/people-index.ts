import { birthOf, type SourceRecord } from '../domain/index.js';
import { isChecksumValid } from '../normalize/index.js';
import { IdKeyTable } from './id-key.js';
import { forEachNeighbourKey } from './id-neighbourhood.js';

/**
 * The people records are linked to (household persons, or registry persons for a
 * poverty member with no household person), indexed by the blocking keys of the
 * linking rules (STYLE 10): exact ID, ID neighbourhood, birth date. No rule ever
 * compares all pairs; the cost of a run grows linearly with the records.
 */
export class PeopleIndex {
  readonly keys = new IdKeyTable();
  /** key → target, or targets when an ID is shared (重号). */
  private readonly byKey = new Map<number, number | number[]>();
  private byBirth: Map<number, number[]> | null = null;

  constructor(readonly targets: readonly SourceRecord[]) {
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t]!;
      if (target.idState !== 'valid') continue;
      const key = this.keys.register(target.id);
      const existing = this.byKey.get(key);
      if (existing === undefined) this.byKey.set(key, t);
      else if (typeof existing === 'number') this.byKey.set(key, [existing, t]);
      else existing.push(t);
    }
  }

  /** Targets whose valid ID is exactly `id` (a valid ID). */
  withId(id: string): readonly number[] {
    const key = this.keys.lookup(id);
    return key < 0 ? [] : this.atKey(key);
  }

  /** Targets whose valid ID may be one or two edits from `id` (exact matches excluded). */
  nearId(id: string): number[] {
    const found = new Set<number>();
    forEachNeighbourKey(id, isChecksumValid(id), this.keys, (key) => {
      for (const t of this.atKey(key)) if (this.targets[t]!.id !== id) found.add(t);
    });
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

  private atKey(key: number): readonly number[] {
    const found = this.byKey.get(key);
    if (found === undefined) return [];
    return typeof found === 'number' ? [found] : found;
  }
}
