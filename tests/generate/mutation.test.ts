import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Case } from '../../src/domain/index.js';
import { generateCounty, measureAccuracy, type TruthCase } from '../../src/generate/index.js';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir } from '../helpers/files.js';

// STYLE 17, issue #9: a gate must be able to fail. SPEC §2 is broken on purpose —
// the sound-alike key treats zh/ch/sh as z/c/s — and the accuracy gate must notice,
// because truth.json follows from what the generator meant, not from src/normalize.
vi.mock('../../src/normalize/name.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/normalize/name.js')>();
  const blurred = (name: string) => original.soundKey(name).replace(/\b([zcs])h/g, '$1');
  return {
    ...original,
    compareNames(a: string, b: string) {
      if (a === b) return 'equal';
      if (!a || !b || a.length !== b.length) return 'different';
      return blurred(a) === blurred(b) ? 'sound_alike' : 'different';
    },
  };
});

describe('the accuracy gate can fail', () => {
  it('catches a sound-alike key that folds zh/ch/sh into z/c/s', async () => {
    const dir = tempDir('rollcall-mutation-');
    const county = await generateCounty({ people: 20_000, seed: 20260920, asOf: 20260920, flavor: 'clean' }, dir);
    const out = join(dir, 'out');
    const args = ['reconcile', '--as-of', '2026-09-20', '--out', out, '--log-level', 'warn'];
    for (const [source, file] of Object.entries(county.files)) args.push(`--${source}`, join(dir, file));
    expect((await runRollcall(args)).code).toBe(0);
    const cases = readFileSync(join(out, 'cases.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Case);
    const accuracy = measureAccuracy(cases, county.truth as TruthCase[]);
    const failing = accuracy.rows.filter(
      (row) => row.precision < 0.995 || row.recall < 0.99 || row.reasonsWrong > 0 || row.suggestedWrong > 0,
    );
    expect(failing.length, 'the mutated normaliser should fail the gate').toBeGreaterThan(0);
  });
});
