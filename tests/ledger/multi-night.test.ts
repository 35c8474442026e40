import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Case, CaseLedger, CaseState } from '../../src/domain/index.js';
import { generateCounty, generateNextNight } from '../../src/generate/index.js';
import { LedgerStore } from '../../src/ledger/index.js';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir } from '../helpers/files.js';

type LedgerCase = Case & { ledger: CaseLedger };

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

const keyOf = (category: string, source: string, row: number) => `${category} ${source}:${row}`;
const caseKey = (c: Case) => keyOf(c.category, c.records[0]!.source, c.records[0]!.row);

/**
 * The multi-night gate (issue #13): two nights of a generated county of 20,000
 * people with a ledger. Between the nights a few cases are closed through the
 * ledger's entry method; night 2 fixes some cases in the data, plants new ones and
 * changes the evidence of some closed ones. Every state (new, open, closed,
 * reopened) and every resolved case must match the generator's intent at
 * precision and recall ≥ 0.99.
 */
describe('the multi-night gate', () => {
  it('gives every case of the second night the state the generator meant', async () => {
    const dir = tempDir('rollcall-nights-');
    const night1 = join(dir, 'night1');
    const night2 = join(dir, 'night2');
    const ledger = join(dir, 'ledger.sqlite');
    const county = await generateCounty({ people: 20_000, seed: 20260920, asOf: 20260920, flavor: 'clean' }, night1);
    const next = await generateNextNight(night1, night2, '2026-09-29');
    const run = (folder: string, asOf: string) => {
      const args = ['reconcile', '--as-of', asOf, '--out', join(dir, 'out'), '--ledger', ledger, '--log-level', 'warn'];
      for (const [source, file] of Object.entries(county.files)) args.push(`--${source}`, join(folder, file));
      return runRollcall(args);
    };

    expect((await run(night1, '2026-09-20')).code).toBe(0);
    const first = readJsonl<LedgerCase>(join(dir, 'out', 'cases.jsonl'));
    expect(first.every((c) => c.ledger.state === 'new')).toBe(true);

    // Close some cases between the nights, as a returned pack would (SPEC §9).
    const byKey = new Map(first.map((c) => [caseKey(c), c]));
    const store = LedgerStore.open(ledger);
    for (const closing of next.truth.close_between_nights) {
      const c = byKey.get(keyOf(closing.category, closing.source, closing.row));
      expect(c, 'a case to close was found on night 1').toBeDefined();
      store.addEntry({
        caseId: c!.case_id,
        date: '2026-09-22',
        kind: 'close',
        method: 'home_visit',
        outcome: 'returned',
        by: '张老师',
        sourceFile: 'cli',
      });
    }
    store.close();

    const result = await run(night2, '2026-09-29');
    expect(result.code).toBe(0);
    const second = readJsonl<LedgerCase>(join(dir, 'out', 'cases.jsonl'));
    const found = new Map(second.map((c) => [caseKey(c), c.ledger.state]));
    const expected = new Map(next.truth.states.map((c) => [keyOf(c.category, c.source, c.row), c.state]));

    const report: string[] = [];
    for (const state of ['new', 'open', 'closed', 'reopened'] as CaseState[]) {
      const mine = [...found].filter(([, s]) => s === state).map(([key]) => key);
      const theirs = new Set([...expected].filter(([, s]) => s === state).map(([key]) => key));
      const correct = mine.filter((key) => theirs.has(key)).length;
      const precision = mine.length === 0 ? 1 : correct / mine.length;
      const recall = theirs.size === 0 ? 1 : correct / theirs.size;
      report.push(
        `${state}: expected ${theirs.size}, found ${mine.length}, precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`,
      );
      expect(theirs.size, `${state}: the generator planted some`).toBeGreaterThanOrEqual(3);
      expect(precision, `${state} precision`).toBeGreaterThanOrEqual(0.99);
      expect(recall, `${state} recall`).toBeGreaterThanOrEqual(0.99);
    }
    const resolved = readJsonl<Case & { resolved_on: string; first_seen: string }>(join(dir, 'out', 'resolved.jsonl'));
    const resolvedKeys = new Set(resolved.map(caseKey));
    const expectedResolved = new Set(next.truth.resolved.map((c) => keyOf(c.category, c.source, c.row)));
    const correct = [...resolvedKeys].filter((key) => expectedResolved.has(key)).length;
    report.push(`resolved: expected ${expectedResolved.size}, found ${resolvedKeys.size}, correct ${correct}`);
    console.log(`multi-night gate:\n${report.join('\n')}`);
    expect(expectedResolved.size).toBeGreaterThanOrEqual(3);
    expect(correct / Math.max(1, resolvedKeys.size)).toBeGreaterThanOrEqual(0.99);
    expect(correct / expectedResolved.size).toBeGreaterThanOrEqual(0.99);
    expect(resolved.every((c) => c.resolved_on === '2026-09-29' && c.first_seen === '2026-09-20')).toBe(true);

    // Closed cases are in no list a clerk works from (SPEC §8), only in the closed sheet.
    const closedIds = second.filter((c) => c.ledger.state === 'closed').map((c) => c.case_id);
    const csv = readFileSync(join(dir, 'out', 'enrolled_absent.csv'), 'utf8');
    for (const id of closedIds) expect(csv).not.toContain(id);
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as { ledger: Record<string, unknown> };
    expect(summary.ledger).toMatchObject({
      run: '2026-09-29',
      previous_run: '2026-09-20',
      closed: closedIds.length,
      resolved: resolved.length,
    });
    // The terminal's 新增 is summary.json's new (reopened cases are their own figure, on the next line).
    expect(result.stdout).toMatch(
      new RegExp(
        `^与上次运行（2026-09-20）相比：新增 ${summary.ledger.new}，已消除 ${resolved.length}，持续 \\d+（其中已持续超过 7 天 \\d+）`,
      ),
    );
    expect(result.stdout).toContain(`重新出现 ${summary.ledger.reopened}，`);

    expect((await runRollcall(['ledger', 'verify', ledger])).code).toBe(0);
  });
});
