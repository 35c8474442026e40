import { checkCharFor } from './id-number.js';

/**
 * A valid ID packed into one number, so that the indexes of a million people are
 * Maps of numbers and the one-edit neighbours of an ID are arithmetic, not strings.
 *
 * key = prefixIndex × 10^11 + digits 7–17 (birth date and sequence), where
 * prefixIndex numbers the 6-digit region prefixes seen. The check character is
 * left out: for a valid ID it follows from the other 17 digits.
 */
export class IdKeyTable {
  private readonly indexOfPrefix = new Map<string, number>();
  private readonly prefixes: string[] = [];
  private lastPrefix = '';
  private lastIndex = -1;

  /** Every key stays below 2^53 (an exact double) with up to 90,000 prefixes. */
  static readonly MAX_PREFIXES = 90_000;
  static readonly REST = 1e11;

  get prefixCount(): number {
    return this.indexOfPrefix.size;
  }

  /** The key of a valid ID, registering its prefix. */
  register(id: string): number {
    return this.keyOf(id, true);
  }

  /** The key of a valid ID, or -1 when its prefix is not in the table (then no indexed ID shares it). */
  lookup(id: string): number {
    return this.keyOf(id, false);
  }

  /** The 6-digit prefix of a key. */
  prefixOf(key: number): string {
    return this.prefixAt(this.prefixIndexOfKey(key));
  }

  /** Which registered prefix a key has (its position in the table). */
  prefixIndexOfKey(key: number): number {
    return Math.floor(key / IdKeyTable.REST);
  }

  /** The prefix registered at `index`. */
  prefixAt(index: number): string {
    return this.prefixes[index]!;
  }

  /** The ID a key stands for (18 characters, check character recomputed). */
  idOf(key: number): string {
    const body = this.prefixOf(key) + String(key % IdKeyTable.REST).padStart(11, '0');
    return body + checkCharFor(body);
  }

  prefixIndex(prefix: string): number | undefined {
    return this.indexOfPrefix.get(prefix);
  }

  /** The prefixes in the order registered: with the keys, what another thread needs to read them. */
  get registeredPrefixes(): readonly string[] {
    return this.prefixes;
  }

  /**
   * Moves keys made with another table (`prefixes`: its registered prefixes) into
   * this one, in place, registering the prefixes this table has not seen; -1 stays -1.
   */
  adopt(keys: Float64Array, prefixes: readonly string[]): void {
    const moved = prefixes.map((prefix) => this.prefixIndexFor(prefix));
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key < 0) continue;
      keys[i] = moved[this.prefixIndexOfKey(key)]! * IdKeyTable.REST + (key % IdKeyTable.REST);
    }
  }

  private prefixIndexFor(prefix: string): number {
    let found = this.indexOfPrefix.get(prefix);
    if (found === undefined) {
      if (this.indexOfPrefix.size >= IdKeyTable.MAX_PREFIXES) throw new Error('more than 90,000 distinct ID prefixes');
      found = this.indexOfPrefix.size;
      this.indexOfPrefix.set(prefix, found);
      this.prefixes.push(prefix);
    }
    return found;
  }

  private keyOf(id: string, register: boolean): number {
    let index: number;
    if (this.lastIndex >= 0 && id.startsWith(this.lastPrefix)) {
      index = this.lastIndex;
    } else {
      const prefix = id.slice(0, 6);
      let found = this.indexOfPrefix.get(prefix);
      if (found === undefined) {
        if (!register) return -1;
        found = this.prefixIndexFor(prefix);
      }
      this.lastPrefix = prefix;
      this.lastIndex = found;
      index = found;
    }
    return index * IdKeyTable.REST + restDigits(id);
  }
}

/** The birth date (yyyymmdd) of a key's ID. */
export function birthOfKey(key: number): number {
  return Math.floor((key % IdKeyTable.REST) / 1000);
}

/** Digits 7–17 of an ID (positions 6..16) as a number. */
export function restDigits(id: string): number {
  let rest = 0;
  for (let i = 6; i < 17; i++) rest = rest * 10 + (id.charCodeAt(i) - 48);
  return rest;
}
