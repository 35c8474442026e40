import { t } from '../../src/i18n/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedCounty } from '../../src/generate/index.js';
import { writePacks } from '../../src/followup/index.js';
import type { CaseLedger } from '../../src/domain/index.js';
import { join, tempDir } from '../helpers/files.js';
import { readWorkbook } from '../helpers/xlsx.js';
import { DAY_AFTER, headerColumns, makeCounty, NIGHT_1, packFiles, readCases, reconcile, rollcall, type LedgerCase } from './packs.js';

let county: GeneratedCounty;
let cases: LedgerCase[];

beforeAll(async () => {
  county = await makeCounty();
  const dir = tempDir('rollcall-followup-write-');
  expect((await reconcile(county, join(dir, 'ledger.sqlite'), join(dir, 'out'), NIGHT_1)).code).toBe(0);
  cases = readCases(join(dir, 'out'));
});

function statesOf(list: readonly LedgerCase[]): Map<string, CaseLedger> {
  return new Map<string, CaseLedger>(list.map((c) => [c.case_id, c.ledger]));
}

describe('the pack columns (SPEC §9, §11)', () => {
  it('guardians, household number and village from Case.guardians; why none when there is none; IDs masked with --mask-ids', async () => {
    const township = cases.find((c) => c.person.id_number.length === 18)!.township;
    const mine = cases.filter((c) => c.township === township && c.person.id_number.length === 18).slice(0, 2);
    expect(mine).toHaveLength(2);
    const withGuardians = [
      {
        ...mine[0]!,
        grade: '七年级',
        class: '3班',
        village: '石桥村',
        guardians: { status: 'found' as const, names: ['张建国', '李秀英'], household_no: 'H0042', village: '石桥村' },
      },
      { ...mine[1]!, guardians: { status: 'no_household' as const, names: [], household_no: '', village: '' } },
    ];
    const dir = tempDir();
    await writePacks(dir, {
      cases: withGuardians,
      states: statesOf(withGuardians),
      ledgerId: 'abc',
      asOf: NIGHT_1,
      lang: 'zh',
      maskIds: true,
    });
    const sheet = (await readWorkbook(packFiles(dir, '乡镇')[0]!)).getWorksheet('待跟进')!;
    const columns = headerColumns(sheet);
    const rowOf = (id: string) => [3, 4].find((r) => sheet.getCell(r, 1).value === id)!;
    const found = rowOf(withGuardians[0]!.case_id);
    expect(sheet.getCell(found, columns.get('监护人')!).value).toBe('张建国、李秀英');
    expect(sheet.getCell(found, columns.get('户号')!).value).toBe('H0042');
    expect(sheet.getCell(found, columns.get('村（社区）')!).value).toBe('石桥村');
    expect(sheet.getCell(found, columns.get('年级')!).value).toBe('七年级');
    expect(sheet.getCell(found, columns.get('班级')!).value).toBe('3班');
    expect(sheet.getCell(rowOf(withGuardians[1]!.case_id), columns.get('监护人')!).value).toBe(t('notices.guardians.no_household', 'zh'));
    for (const r of [3, 4]) expect(String(sheet.getCell(r, columns.get('身份证号')!).value)).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
  });

  it('both sides of a difference, and the suggested ID (SPEC §7: every case a clerk reads)', async () => {
    const base = cases.find((c) => c.person.id_number.length === 18)!;
    const mismatch = {
      ...base,
      case_id: 'IM-000000000001',
      category: 'identity_mismatch' as const,
      reasons: ['gender_differs' as const],
      differences: [{ field: 'gender' as const, registry: 'female', household: 'male' }],
      suggested_id: null,
    };
    const wrongId = {
      ...base,
      case_id: 'MI-000000000002',
      category: 'missing_id' as const,
      reasons: ['id_bad_checksum' as const],
      differences: [],
      suggested_id: '341324201503051234',
    };
    const list = [mismatch, wrongId];
    for (const [lang, headers, sides] of [
      ['zh', ['建议身份证号', '学籍值', '户籍值'], ['性别：女', '性别：男']],
      ['en', ['Suggested ID number', 'Registry says', 'Household register says'], ['gender: female', 'gender: male']],
    ] as const) {
      const dir = tempDir();
      await writePacks(dir, { cases: list, states: statesOf(list), ledgerId: 'abc', asOf: NIGHT_1, lang, maskIds: false });
      const workbook = await readWorkbook(packFiles(dir, '乡镇')[0]!);
      const sheet = workbook.worksheets.find((w) => w.state === 'visible')!;
      const columns = headerColumns(sheet);
      const rowOf = (id: string) => [3, 4].find((r) => sheet.getCell(r, 1).value === id)!;
      const [suggested, registry, household] = headers.map((header) => columns.get(header)!);
      expect(sheet.getCell(rowOf(mismatch.case_id), registry!).value, lang).toBe(sides[0]);
      expect(sheet.getCell(rowOf(mismatch.case_id), household!).value, lang).toBe(sides[1]);
      expect(sheet.getCell(rowOf(wrongId.case_id), suggested!).value, lang).toBe('341324201503051234');
      // The suggested ID stays text, as the ID itself does.
      expect(sheet.getCell(rowOf(wrongId.case_id), suggested!).numFmt, lang).toBe('@');
      // A grey column empty on every row of the pack is hidden (it prints larger); the others are not.
      expect(sheet.getColumn(suggested!).hidden, lang).toBe(false);
      const lastOutcome = columns.get(lang === 'zh' ? '最近结论' : 'Last outcome')!;
      expect(sheet.getColumn(lastOutcome).hidden, lang).toBe(true);
      expect(sheet.getColumn(columns.get(lang === 'zh' ? '经办人' : 'By')!).hidden, lang).toBe(false);
    }
  });

  it('a pack written in English imports like a Chinese one', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.sqlite');
    const out = join(dir, 'out');
    expect((await reconcile(county, ledger, out, NIGHT_1, ['--lang', 'en'])).code).toBe(0);
    const pack = packFiles(out, '乡镇')[0]!;
    const workbook = await readWorkbook(pack);
    const sheet = workbook.getWorksheet('To follow up')!;
    const columns = headerColumns(sheet);
    expect(sheet.getCell(3, columns.get('Kind')!).dataValidation).toMatchObject({ formulae: ['"verify,persuade,close"'] });
    const row = sheet.getRow(3);
    row.getCell(columns.get('Date')!).value = '2026-09-22';
    row.getCell(columns.get('Kind')!).value = 'close';
    row.getCell(columns.get('Method')!).value = 'home visit';
    row.getCell(columns.get('Outcome')!).value = 'moved out';
    row.getCell(columns.get('By')!).value = 'Wang';
    const returned = join(dir, 'returned.xlsx');
    await workbook.xlsx.writeFile(returned);
    const imported = await rollcall(['ledger', 'import', returned, '--ledger', ledger, '--lang', 'en'], DAY_AFTER);
    expect(imported.code, imported.stdout).toBe(0);
    expect(imported.stdout).toContain('entries added: 1');
    const show = await rollcall(['ledger', 'show', String(row.getCell(1).value), '--ledger', ledger]);
    expect(show.stdout).toContain('2026-09-22  销号  家访  已迁出  Wang');
  });
});
