import { describe, expect, it } from 'vitest';
import { SourceRecord } from '../../src/domain/index.js';
import { describeIdDifference, PeopleIndex } from '../../src/link/index.js';
import { RecordTable } from '../../src/load/index.js';
import { IdKeyTable } from '../../src/normalize/index.js';
import { check } from '../helpers/ids.js';

/** A deterministic pseudo-random generator (tests must not depend on chance). */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function validRecord(id: string): SourceRecord {
  const record = new SourceRecord('household', 2);
  record.id = id;
  record.idState = 'valid';
  return record;
}

/**
 * The neighbourhood enumeration must find exactly what comparing every pair would:
 * every indexed ID one substitution or one adjacent transposition from the query,
 * or two substitutions when the query is checksum-valid too.
 */
describe('PeopleIndex.nearId finds what an all-pairs comparison finds', () => {
  const next = random(42);
  const digit = () => String(Math.floor(next() * 10));
  // A dense space: few prefixes, few dates, so that neighbours really occur.
  const prefixes = ['341324', '341322', '341323', '241324'];
  const ids = new Set<string>();
  while (ids.size < 3000) {
    const body = prefixes[Math.floor(next() * prefixes.length)]! + '201' + digit() + '030' + digit() + '0' + digit() + digit();
    ids.add(body + check(body));
  }
  const all = [...ids];
  const keys = new IdKeyTable();
  const index = new PeopleIndex(RecordTable.of('household', all.map(validRecord), keys));

  const mutate = (id: string): string => {
    const chars = id.split('');
    const kind = next();
    if (kind < 0.3) chars[Math.floor(next() * 18)] = digit();
    else if (kind < 0.6) {
      const p = Math.floor(next() * 17);
      [chars[p], chars[p + 1]] = [chars[p + 1]!, chars[p]!];
    } else {
      chars[Math.floor(next() * 17)] = digit();
      chars[Math.floor(next() * 17)] = digit();
      if (kind < 0.8) chars[17] = check(chars.slice(0, 17).join(''));
    }
    return chars.join('');
  };

  it('for 400 queries of every kind', () => {
    let compared = 0;
    for (let q = 0; q < 400; q++) {
      const query = mutate(all[Math.floor(next() * all.length)]!);
      const queryValid = check(query.slice(0, 17)) === query[17];
      const expected = all
        .filter((id) => {
          const difference = describeIdDifference(query, id);
          return difference !== null && (difference.level !== 'two_substitutions' || queryValid);
        })
        .sort();
      const found = index
        .nearId(query)
        .map((t) => all[t]!)
        .filter((id) => {
          const difference = describeIdDifference(query, id);
          return difference !== null && (difference.level !== 'two_substitutions' || queryValid);
        })
        .sort();
      expect(found).toEqual(expected);
      compared += expected.length;
    }
    // The test means something only if neighbours were found.
    expect(compared).toBeGreaterThan(100);
  });

  it('replaces a stray letter (an O typed for a 0)', () => {
    const id = all[0]!;
    const query = id.slice(0, 8) + 'O' + id.slice(9);
    expect(index.nearId(query).map((t) => all[t])).toContain(id);
  });
});

describe('KeyIndex', () => {
  it('keeps every target of an ID shared by many rows, in order', async () => {
    const { KeyIndex } = await import('../../src/link/key-index.js');
    const index = new KeyIndex(100_000, 100_000);
    for (let t = 0; t < 100_000; t++) index.add(t % 2 === 0 ? 12345 : 1e15 + t, t);
    const shared: number[] = [];
    index.forEach(12345, (t) => shared.push(t));
    expect(shared).toHaveLength(50_000);
    expect(shared.slice(0, 3)).toEqual([0, 2, 4]);
  });
});
