/**
 * An open-addressing hash table from packed ID keys (integers below 2^53) to the
 * targets that have them, in typed arrays. A Map of a million number keys costs
 * ~45 MB of small heap objects that every garbage collection walks; this costs
 * 32 bytes an entry and answers a lookup in a few probes.
 */
export class KeyIndex {
  private readonly keys: Float64Array;
  /** First target of each slot; further targets with the same key chain through `next`. */
  private readonly first: Int32Array;
  private readonly last: Int32Array;
  private readonly next: Int32Array;
  private readonly mask: number;

  /** `targets`: how many targets there can be (the chain is indexed by target). */
  constructor(expectedKeys: number, targets: number) {
    let capacity = 16;
    while (capacity < expectedKeys * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = new Float64Array(capacity).fill(-1);
    this.first = new Int32Array(capacity).fill(-1);
    this.last = new Int32Array(capacity).fill(-1);
    this.next = new Int32Array(Math.max(1, targets)).fill(-1);
  }

  add(key: number, target: number): void {
    let slot = this.slotOf(key);
    while (this.keys[slot] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    if (this.keys[slot] === key) {
      // Same ID again (重号): append to the chain, keeping target order.
      this.next[this.last[slot]!] = target;
    } else {
      this.keys[slot] = key;
      this.first[slot] = target;
    }
    this.last[slot] = target;
  }

  /** Calls visit for every target with `key`, in the order they were added. */
  forEach(key: number, visit: (target: number) => void): void {
    let slot = this.slotOf(key);
    for (;;) {
      const found = this.keys[slot]!;
      if (found === -1) return;
      if (found === key) break;
      slot = (slot + 1) & this.mask;
    }
    for (let target = this.first[slot]!; target !== -1; target = this.next[target]!) visit(target);
  }

  private slotOf(key: number): number {
    const low = key % 4294967296;
    const high = (key - low) / 4294967296;
    return (Math.imul(low | 0, 0x9e3779b1) ^ Math.imul(high | 0, 0x85ebca77) ^ (low >>> 16)) & this.mask;
  }
}
