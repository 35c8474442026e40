import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../src/generate/index.js';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir } from '../helpers/files.js';

function digest(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file !== 'registry.xlsx')
      .map((file) => [file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')]),
  );
}

describe('rollcall generate', () => {
  it('writes the same bytes for the same seed, and others for another', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    await generateCounty({ people: 5000, seed: 9, asOf: 20260920, flavor: 'clean' }, a);
    await generateCounty({ people: 5000, seed: 9, asOf: 20260920, flavor: 'clean' }, b);
    await generateCounty({ people: 5000, seed: 10, asOf: 20260920, flavor: 'clean' }, c);
    expect(digest(a)).toEqual(digest(b));
    expect(digest(a)['household.csv']).not.toBe(digest(c)['household.csv']);
  });

  it('plants the distractors that must not be reported', async () => {
    const dir = tempDir();
    await generateCounty({ people: 20_000, seed: 3, asOf: 20260920, flavor: 'clean' }, dir);
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
    for (const kind of [
      'twins',
      'migrant_child',
      'traditional_characters',
      'full_width_id',
      'lower_case_x',
      'spaces_in_id',
      'common_name_same_birthday',
      'transferred_and_moved',
      'suspended',
      'gone_or_deceased_unregistered',
      'household_id_wrong',
      'dropout_past_school_age',
      'boundary_five',
      'boundary_sixteen',
      'boundary_six_registered',
    ]) {
      expect(truth.distractors[kind], kind).toBeGreaterThan(0);
    }
  });

  it('writes the messy flavor as a county would: GB18030 with a title row, a workbook, BOM and CRLF', async () => {
    const dir = tempDir();
    await generateCounty({ people: 3000, seed: 4, asOf: 20260920, flavor: 'messy' }, dir);
    const household = readFileSync(join(dir, 'household.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(household)).toThrow();
    expect(new TextDecoder('gb18030').decode(household).split('\r\n')[1]).toMatch(/^户号,姓名/);
    const poverty = readFileSync(join(dir, 'poverty.csv'));
    expect([...poverty.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(poverty.toString('utf8')).toContain('\r\n');
    expect(readdirSync(dir)).toContain('registry.xlsx');
  });

  it('rejects bad options with exit 2', async () => {
    const dir = tempDir();
    expect((await runRollcall(['generate', '--people', '12', '--out', dir])).code).toBe(2);
    expect((await runRollcall(['generate', '--people', '5000', '--seed', 'x', '--out', dir])).code).toBe(2);
    expect((await runRollcall(['generate', '--people', '5000', '--as-of', '2026-13-01', '--out', dir])).code).toBe(2);
  });
});
