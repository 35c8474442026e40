import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../src/generate/index.js';
import { t } from '../../src/i18n/index.js';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir } from '../helpers/files.js';

describe('rollcall generate --next (the next night of a county, issue #13)', () => {
  it('writes the same next night from the same county, with a state for every case', async () => {
    const dir = tempDir();
    await generateCounty({ people: 3000, seed: 4, asOf: 20260920, flavor: 'clean' }, join(dir, 'n1'));
    const a = await runRollcall(['generate', '--next', join(dir, 'n1'), '--out', join(dir, 'a'), '--lang', 'en']);
    const _b = await runRollcall(['generate', '--next', join(dir, 'n1'), '--out', join(dir, 'b')]);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/the night after 2026-09-20 — new \d+, open \d+, resolved \d+, to close between the nights \d+/);
    for (const file of ['truth.json', 'registry.csv', 'attendance.csv', 'poverty.csv', 'household.csv']) {
      expect(readFileSync(join(dir, 'a', file), 'utf8'), file).toBe(readFileSync(join(dir, 'b', file), 'utf8'));
    }
    const truth = JSON.parse(readFileSync(join(dir, 'a', 'truth.json'), 'utf8')) as {
      generator: { as_of: string };
      cases: unknown[];
      states: { state: string }[];
    };
    expect(truth.generator.as_of).toBe('2026-09-21');
    expect(truth.states).toHaveLength(truth.cases.length);
    expect(new Set(truth.states.map((c) => c.state))).toEqual(new Set(['new', 'open', 'closed', 'reopened']));
    // The household register and the registry rows are the same night to night: only check-ins and statuses change.
    expect(readFileSync(join(dir, 'a', 'household.csv'), 'utf8')).toBe(readFileSync(join(dir, 'n1', 'household.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'a', 'attendance.csv'), 'utf8')).not.toBe(readFileSync(join(dir, 'n1', 'attendance.csv'), 'utf8'));
  });

  it('refuses a next night that is not after the first, or in another school year', async () => {
    const dir = tempDir();
    await generateCounty({ people: 1000, seed: 4, asOf: 20260920, flavor: 'clean' }, join(dir, 'n1'));
    expect((await runRollcall(['generate', '--next', join(dir, 'n1'), '--out', join(dir, 'x'), '--as-of', '2026-09-19'])).code).toBe(2);
    expect((await runRollcall(['generate', '--next', join(dir, 'n1'), '--out', join(dir, 'y'), '--as-of', '2027-09-19'])).code).toBe(2);
    expect((await runRollcall(['generate', '--out', join(dir, 'z')])).code).toBe(2);
    // In the run's language, from the catalogue.
    const early = await runRollcall(['generate', '--next', join(dir, 'n1'), '--out', join(dir, 'x'), '--as-of', '2026-09-19']);
    expect(early.stderr).toContain(t('cli.generate.next_bad_as_of', 'zh', { as_of: '2026-09-19', previous: '2026-09-20' }));
  });

  it('refuses to start from a next night (it would write the same second night again), or from a folder with no county', async () => {
    const dir = tempDir();
    await generateCounty({ people: 1000, seed: 4, asOf: 20260920, flavor: 'clean' }, join(dir, 'n1'));
    expect((await runRollcall(['generate', '--next', join(dir, 'n1'), '--out', join(dir, 'n2')])).code).toBe(0);
    const chained = await runRollcall(['generate', '--next', join(dir, 'n2'), '--out', join(dir, 'n3'), '--as-of', '2026-09-22']);
    expect(chained.code).toBe(2);
    expect(chained.stderr).toContain(t('cli.generate.next_from_first_night', 'zh', { dir: join(dir, 'n2') }));
    const none = await runRollcall(['generate', '--next', join(dir, 'nothing'), '--out', join(dir, 'n4'), '--lang', 'en']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(t('cli.generate.next_not_a_county', 'en', { dir: join(dir, 'nothing') }));
  });
});
