import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateNextNight } from '../../src/generate/index.js';
import { join, tempDir } from '../helpers/files.js';
import { readWorkbook } from '../helpers/xlsx.js';
import { copyNight, fillPack, makeCounty, NIGHT_1, packCaseIds, packFiles, readCases, reconcile, rollcall } from './packs.js';

// SPEC §9: a closing outcome closes the case as of the entry's date. Packs come back
// days later, after more nights have run: a closing dated before those nights must
// still close the case on the next night (those nights did not know of it yet).

describe('a closing imported after later nights', () => {
  it('closes the case on the next night, and keeps it closed', async () => {
    const county = await makeCounty();
    const dir = tempDir('rollcall-followup-late-');
    const ledger = join(dir, 'ledger.sqlite');
    expect((await reconcile(county, ledger, join(dir, 'n1'), NIGHT_1)).code).toBe(0);
    const pack = packFiles(join(dir, 'n1'), '乡镇')[0]!;
    const [closedId, confirmedId] = await packCaseIds(pack);
    const filled = await fillPack(
      pack,
      new Map([
        [closedId!, { 跟进日期: '2026-09-21', 跟进类型: '销号', 结论: '已迁出', 经办人: '王老师' }],
        [confirmedId!, { 跟进日期: '2026-09-21', 跟进类型: '核实', 结论: '确认未入学', 经办人: '王老师' }],
      ]),
      join(dir, 'filled.xlsx'),
    );
    // Two more nights run before the township's pack comes back.
    expect((await reconcile(county, ledger, join(dir, 'n2'), '2026-09-22')).code).toBe(0);
    expect((await reconcile(county, ledger, join(dir, 'n3'), '2026-09-23')).code).toBe(0);
    expect(readCases(join(dir, 'n3')).find((c) => c.case_id === closedId)?.ledger.state).toBe('open');
    const imported = await rollcall(['ledger', 'import', filled, '--ledger', ledger]);
    expect(imported.code, imported.stdout).toBe(0);

    for (const [night, asOf] of [
      ['n4', '2026-09-24'],
      ['n5', '2026-09-25'],
    ] as const) {
      expect((await reconcile(county, ledger, join(dir, night), asOf)).code).toBe(0);
      const byId = new Map(readCases(join(dir, night)).map((c) => [c.case_id, c.ledger]));
      expect(byId.get(closedId!)?.state).toBe('closed');
      expect(byId.get(confirmedId!)).toMatchObject({ state: 'open', follow_up: { confirmed: 'confirmed_unregistered' } });
      expect((await Promise.all(packFiles(join(dir, night), '乡镇').map(packCaseIds))).flat()).not.toContain(closedId);
    }
    expect((await rollcall(['ledger', 'verify', ledger])).code).toBe(0);
  });
});

describe('a closing recorded late for a case that then goes away', () => {
  it('is listed as closed (已销号), not resolved', async () => {
    const county = await makeCounty();
    const dir = tempDir('rollcall-followup-late-gone-');
    const next = await generateNextNight(county.dir, join(dir, 'next'), '2026-09-23');
    const nextSources = Object.entries(next.files).flatMap(([source, file]) => [`--${source}`, join(dir, 'next', file)]);
    const ledger = join(dir, 'ledger.sqlite');
    expect((await reconcile(county, ledger, join(dir, 'n1'), NIGHT_1)).code).toBe(0);
    expect((await reconcile(county, ledger, join(dir, 'n2'), '2026-09-22')).code).toBe(0);
    const night3 = (out: string, file: string) =>
      rollcall(['reconcile', ...nextSources, '--as-of', '2026-09-23', '--out', out, '--ledger', file, '--log-level', 'warn']);

    // Which case goes away on night 3, as a ledger without the closing sees it.
    const trial = copyNight({ dir, ledger, out: join(dir, 'n2') });
    expect((await night3(join(trial.dir, 'out'), trial.ledger)).code).toBe(0);
    const resolvedLines = (out: string) =>
      readFileSync(join(out, 'resolved.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { case_id: string }).case_id);
    const gone = resolvedLines(join(trial.dir, 'out'))[0]!;
    expect(gone).toBeDefined();

    const recorded = await rollcall([
      'ledger',
      'record',
      '--case',
      gone,
      '--date',
      '2026-09-21',
      '--kind',
      '销号',
      '--outcome',
      '已复学',
      '--by',
      '王老师',
      '--ledger',
      ledger,
    ]);
    expect(recorded.code, recorded.stdout).toBe(0);
    const out3 = join(dir, 'n3');
    expect((await night3(out3, ledger)).code).toBe(0);
    expect(resolvedLines(out3)).not.toContain(gone);
    const closedSheet = (await readWorkbook(join(out3, 'report.xlsx'))).getWorksheet('已销号')!;
    const closedIds: string[] = [];
    closedSheet.eachRow((row, r) => r > 1 && closedIds.push(String(row.getCell(1).value)));
    expect(closedIds).toContain(gone);
    expect((await rollcall(['ledger', 'verify', ledger])).code).toBe(0);
  });
});
