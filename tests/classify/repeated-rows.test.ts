import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { County } from '../helpers/county.js';
import { join } from '../helpers/files.js';

// Issue #8: one child repeated thousands of times used to make cases.jsonl grow as
// N² (each duplicate case named every other copy) and run out of memory. A
// duplicated row is one case that lists its copies; linking stays linear.
describe('a row repeated many times', () => {
  it('is one case per category that lists its copies, in linear size', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    const copies = 2000;
    for (let i = 0; i < copies; i++) county.household(child);
    for (let i = 0; i < copies; i++) county.registry(child);
    const result = await county.reconcile();
    expect(result.code).toBe(0);
    // Every registry copy has the same key: one review case (the household ID is shared by 2,000 people).
    expect(result.cases.map((c) => c.category)).toEqual(['review']);
    const [review] = result.cases;
    expect(review?.records.filter((r) => r.source === 'registry')).toHaveLength(copies);
    expect(review?.candidates).toHaveLength(20);
    // Linear: a few hundred bytes a copy, not a few hundred bytes times the copies.
    expect(statSync(join(result.out, 'cases.jsonl')).size).toBeLessThan(copies * 400);
  });

  it('names the other registrations of a duplicate, never its own copies', async () => {
    const county = new County();
    const child = county.person('张伟', '2015-03-05');
    county.household(child);
    for (let i = 0; i < 50; i++) county.registry(child, { 全国学籍号: `G${i}`, 学校名称: `第${i}小学` });
    county.registry(child, { 全国学籍号: 'G0', 学校名称: '第0小学' });
    const duplicates = (await county.reconcile()).of('empty_registration');
    expect(duplicates).toHaveLength(50);
    const first = duplicates.find((c) => c.student_no === 'G0');
    // Its copy (the same student number again), then at most 20 other registrations.
    expect(first?.records.filter((r) => r.source === 'registry')).toHaveLength(1 + 1 + 20);
  });
});
