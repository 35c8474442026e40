import { describe, expect, it } from 'vitest';
import { join, tempDir } from '../helpers/files.js';
import { fillPack, makeCounty, NIGHT_1, packCaseIds, packFiles, readCases, reconcile, rollcall } from './packs.js';

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
