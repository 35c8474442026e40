import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIFFERENCE_FIELDS, differsIn, REASONS, type Case } from '../../src/domain/index.js';
import { generateCounty, measureAccuracy, renderAccuracy, type TruthCase } from '../../src/generate/index.js';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir } from '../helpers/files.js';

/**
 * The accuracy gate (issue #4): a generated county of about 20,000 people with every
 * case of SPEC §5 planted among distractors; rollcall must find them with precision
 * ≥ 0.995 and recall ≥ 0.99 per category, the right reasons and every suggested ID.
 */
describe.each(['clean', 'messy'] as const)('the accuracy gate, %s exports', (flavor) => {
  it('finds the planted cases and nothing that normalisation should have removed', async () => {
    const dir = tempDir('rollcall-accuracy-');
    const county = await generateCounty({ people: 20_000, seed: 20260920, asOf: 20260920, flavor }, dir);
    const out = join(dir, 'out');
    const args = ['reconcile', '--as-of', '2026-09-20', '--out', out, '--log-level', 'warn'];
    for (const [source, file] of Object.entries(county.files)) args.push(`--${source}`, join(dir, file));
    const result = await runRollcall(args);
    expect(result.code).toBe(0);

    const cases = readFileSync(join(out, 'cases.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Case);
    const accuracy = measureAccuracy(cases, county.truth as TruthCase[]);
    console.log(`accuracy (${flavor}):\n${renderAccuracy(accuracy)}`);

    for (const row of accuracy.rows) {
      expect(row.expected, `${row.category}: planted cases`).toBeGreaterThanOrEqual(5);
      expect(row.precision, `${row.category} precision`).toBeGreaterThanOrEqual(0.995);
      expect(row.recall, `${row.category} recall`).toBeGreaterThanOrEqual(0.99);
      expect(row.reasonsWrong, `${row.category} reasons`).toBe(0);
      expect(row.suggestedWrong, `${row.category} suggested_id`).toBe(0);
      expect(row.flagsWrong, `${row.category} flags`).toBe(0);
      expect(row.candidatesWrong, `${row.category} review candidates`).toBe(0);
      expect(row.differencesWrong, `${row.category} differences`).toBe(0);
    }
    // Evidence and reasons never contradict each other (issue #9): every difference a
    // case lists is one its link's evidence shows, and identity_mismatch says exactly those.
    for (const c of cases) {
      const evidence = c.match?.evidence;
      const shown = evidence ? DIFFERENCE_FIELDS.filter((field) => differsIn(evidence, field)) : [];
      expect(
        c.differences.map((d) => d.field),
        c.case_id,
      ).toEqual(c.match ? shown : []);
      if (c.category === 'identity_mismatch')
        expect([...c.reasons].sort(), c.case_id).toEqual(
          shown
            .filter((f) => f !== 'id_number')
            .map((f) => `${f}_differs`)
            .sort(),
        );
    }
    // Every reason of SPEC §5 was planted and found, each as well as its category.
    for (const row of accuracy.reasons) {
      expect(row.expected, `${row.reason}: planted cases`).toBeGreaterThanOrEqual(row.reason === 'no_household_record' ? 1 : 5);
      expect(row.precision, `${row.reason} precision`).toBeGreaterThanOrEqual(0.995);
      expect(row.recall, `${row.reason} recall`).toBeGreaterThanOrEqual(0.99);
    }
    expect(new Set(county.truth.flatMap((t) => t.reasons)).size).toBe(REASONS.length);
  });
});
