/**
 * Lists kept by a dense index (a household person, 0 … n−1): a lookup is an array
 * read. A Map of a million possible keys costs a hash and a few cache misses per
 * lookup, about a microsecond, and the loops over 150,000 school-age children ask
 * once each (docs/PERFORMANCE.md). Iterates in the order the keys first came, as a
 * Map would.
 */
export class ListsByIndex<K extends number, V> {
  private readonly lists: (V[] | undefined)[];
  private readonly order: K[] = [];

  constructor(size: number) {
    this.lists = new Array<V[] | undefined>(size);
  }

  add(key: K, value: V): void {
    const list = this.lists[key];
    if (list) list.push(value);
    else {
      this.lists[key] = [value];
      this.order.push(key);
    }
  }

  get(key: K): readonly V[] | undefined {
    return this.lists[key];
  }

  *[Symbol.iterator](): IterableIterator<[K, readonly V[]]> {
    for (const key of this.order) yield [key, this.lists[key]!];
  }

  *values(): IterableIterator<readonly V[]> {
    for (const key of this.order) yield this.lists[key]!;
  }
}
