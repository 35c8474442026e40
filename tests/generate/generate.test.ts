import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../src/generate/index.js';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir } from '../helpers/files.js';
import { readWorkbook } from '../helpers/xlsx.js';

function digest(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file !== 'registry.xlsx')
      .map((file) => [
        file,
        createHash('sha256')
          .update(readFileSync(join(dir, file)))
          .digest('hex'),
      ]),
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
      'primary_graduate_enrolled',
      'transferred_with_new_registration',
      'status_in_no_list',
      'graduate_grade_nine_aged_fifteen',
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

  it('mixes the wider vocabulary of SPEC §1 and §2 into the messy exports, and plants what must and must not be reported', async () => {
    const dir = tempDir();
    await generateCounty({ people: 20_000, seed: 5, asOf: 20260920, flavor: 'messy' }, dir);
    const poverty = readFileSync(join(dir, 'poverty.csv'), 'utf8');
    expect(poverty.split('\r\n')[0]).toContain('乡(镇)');
    expect(poverty).toContain('义务教育阶段未上学原因');
    for (const text of [',空,', ',无,', ',小学,', ',初中,']) expect(poverty).toContain(text);
    const workbook = await readWorkbook(join(dir, 'registry.xlsx'));
    const rows = workbook.worksheets[0]!.getSheetValues().slice(1) as unknown[][];
    const header = rows[0]!.slice(1);
    expect(header).toEqual(expect.arrayContaining(['学生状态', '性别码', '身份证件类型码']));
    const statuses = new Set(rows.slice(1).map((row) => row[header.indexOf('学生状态') + 1]));
    for (const status of ['在读', '在籍在校', '复学', '在籍离校', '毕业', '转学', '休学', '保留学籍', '其他离校', '肄业', '学籍异动']) {
      expect(statuses, status).toContain(status);
    }
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
    expect(truth.distractors.no_reason_written).toBeGreaterThan(0);
    const leftCases = truth.cases.filter((c: { reasons: string[] }) => c.reasons.includes('no_active_registration'));
    expect(leftCases.map((c: { source: string }) => c.source)).toEqual(expect.arrayContaining(['household', 'poverty']));
  });

  it('rejects bad options with exit 2', async () => {
    const dir = tempDir();
    expect((await runRollcall(['generate', '--people', '12', '--out', dir])).code).toBe(2);
    expect((await runRollcall(['generate', '--people', '5000', '--seed', 'x', '--out', dir])).code).toBe(2);
    expect((await runRollcall(['generate', '--people', '5000', '--as-of', '2026-13-01', '--out', dir])).code).toBe(2);
  });
});
