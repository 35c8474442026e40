import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRollcall } from '../helpers/cli.js';
import { tempDir, writeCsv } from '../helpers/files.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'xlsx');
// openpyxl saves formulas with no value: the birth dates of all four rows.
const registry = join(FIXTURES, 'openpyxl-formulas-no-value.xlsx');

describe('formula cells with no saved value', () => {
  it('inspect says how many, and what to do', async () => {
    const result = await runRollcall(['inspect', '--registry', registry, '--log-level', 'silent', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'formulas     4 formula cells have no saved value and are read as empty — open the workbook in Excel or WPS and save it again',
    );
    const json = await runRollcall(['inspect', '--registry', registry, '--json', '--log-level', 'silent']);
    expect(JSON.parse(json.stdout).sources.registry.formulas_without_value).toBe(4);
    const saved = await runRollcall([
      'inspect',
      '--registry',
      join(FIXTURES, 'libreoffice-formulas-saved.xlsx'),
      '--json',
      '--log-level',
      'silent',
    ]);
    expect(JSON.parse(saved.stdout).sources.registry.formulas_without_value).toBe(0);
  });

  it('the run warns in the log and in the table a clerk reads', async () => {
    const dir = tempDir();
    const household = writeCsv(join(dir, 'household.csv'), [
      ['姓名', '身份证号', '户籍状态'],
      ['张伟', '341324201407120039', '正常'],
    ]);
    const result = await runRollcall([
      'reconcile',
      '--registry',
      registry,
      '--household',
      household,
      '--out',
      join(dir, 'out'),
      '--log-level',
      'warn',
    ]);
    expect(result.code).toBe(0);
    expect(result.logs).toContainEqual(expect.objectContaining({ level: 40, source: 'registry', cells: 4 }));
    expect(result.stdout).toContain(
      `注意：学籍系统导出 ${registry}：4 个公式单元格没有保存计算结果，按空值读取——请用 Excel 或 WPS 打开工作簿并重新保存`,
    );
  });
});
