import { describe, expect, it } from 'vitest';
import { HEADER_SYNONYMS } from '../../src/config/index.js';
import { FIELD_NAMES, RollcallError, type FieldName, type SourceName } from '../../src/domain/index.js';
import { foldText } from '../../src/normalize/index.js';
import { join, tempDir, writeCsv, writeXlsx } from '../helpers/files.js';
import { makeId } from '../helpers/ids.js';
import { loadFile } from '../helpers/load.js';

// SPEC §1: headers match exactly after NFKC and white-space removal; a column feeds
// one field at most; a short header (乡, 镇) never takes a longer one's place.

const ID_A = makeId('341324', '20150305', 121);

async function fieldsOf(source: SourceName, header: string[], columns: Partial<Record<FieldName, string[]>> = {}) {
  const dir = tempDir();
  const file = writeCsv(join(dir, `${source}.csv`), [header, header.map((_, i) => (i === header.indexOf('身份证号') ? ID_A : `v${i}`))]);
  const loaded = await loadFile(source, file, { columns });
  return { fields: loaded.fields, unmapped: loaded.unmappedHeaders };
}

describe('header matching (SPEC §1)', () => {
  it('no synonym belongs to two fields, even after folding', () => {
    const seen = new Map<string, FieldName>();
    for (const field of FIELD_NAMES) {
      for (const header of HEADER_SYNONYMS[field]) {
        const folded = foldText(header);
        expect(seen.get(folded), `${header} is a synonym of ${seen.get(folded)} and ${field}`).toBeUndefined();
        seen.set(folded, field);
      }
    }
  });

  it.each([
    // [headers in the file, the township header chosen, headers left unmapped]
    [['乡镇', '乡'], '乡镇', ['乡']],
    [['乡', '乡镇'], '乡镇', ['乡']],
    [['镇', '乡(镇)'], '乡(镇)', ['镇']],
    [['乡（镇）', '乡'], '乡（镇）', ['乡']],
    [['乡'], '乡', []],
    [['镇'], '镇', []],
    [['乡 (镇)'], '乡 (镇)', []],
    [['乡镇街道', '镇'], '乡镇街道', ['镇']],
    [['所在乡'], undefined, ['所在乡']],
    [['乡村'], undefined, ['乡村']],
  ])('poverty %j → township %s', async (extra, township, unmapped) => {
    const { fields, unmapped: left } = await fieldsOf('poverty', ['成员姓名', '身份证号', ...extra]);
    expect(fields.township).toBe(township);
    expect(left).toEqual(unmapped);
  });

  it.each([
    ['学生状态', 'status'],
    ['在校状态', 'status'],
    ['学籍状态', 'status'],
    ['身份证件类型码', 'id_type'],
    ['性别码', 'gender'],
    ['学校标识码', 'school_code'],
  ] as const)('registry header %s → %s', async (header, field) => {
    const base = ['姓名', '身份证号', '学校名称', header];
    if (field !== 'status') base.push('学籍状态');
    const { fields } = await fieldsOf('registry', base);
    expect(fields[field]).toBe(header);
  });

  it.each([
    ['在校生状态', 'school_status'],
    ['未上学原因', 'not_in_school_reason'],
    ['义务教育阶段未上学原因', 'not_in_school_reason'],
    ['失学或辍学原因', 'not_in_school_reason'],
    ['失学辍学原因', 'not_in_school_reason'],
  ] as const)('poverty header %s → %s', async (header, field) => {
    const { fields } = await fieldsOf('poverty', ['成员姓名', '身份证号', header]);
    expect(fields[field]).toBe(header);
  });

  it('maps one column to one field only: a config header another field also names goes to the config field', async () => {
    // 户籍状态 is a status synonym; the config says this file's 户籍状态 column is the village.
    const { fields } = await fieldsOf('household', ['姓名', '身份证号', '户籍状态'], { village: ['户籍状态'] });
    expect(fields.village).toBe('户籍状态');
    expect(fields.status).toBeUndefined();
  });

  it('a config header for one field does not take a column away twice', async () => {
    const { fields } = await fieldsOf('household', ['姓名', '身份证号', '乡镇', '村'], { township: ['村'], village: ['村'] });
    expect(fields.township).toBe('村');
    expect(fields.village).toBeUndefined();
    expect(Object.values(fields).filter((header) => header === '村')).toHaveLength(1);
  });

  it('accepts a registry with a school code and no school name, and refuses one with neither', async () => {
    expect((await fieldsOf('registry', ['姓名', '身份证号', '学生状态', '学校标识码'])).fields.school_code).toBe('学校标识码');
    const refused = await fieldsOf('registry', ['姓名', '身份证号', '学生状态', '年级']).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(RollcallError);
    expect((refused as RollcallError).code).toBe('schema');
    expect((refused as RollcallError).message).toContain('"school"');
    expect((refused as RollcallError).message).toContain('"school_code"');
  });

  it('accepts a household register without a status column (a 常住人口 view)', async () => {
    const { fields } = await fieldsOf('household', ['姓名', '身份证号', '乡镇']);
    expect(fields.status).toBeUndefined();
  });
});

describe('a header a field reads, in two columns', () => {
  const header = ['身份证号', '姓名', '身份证号', '学籍状态', '学校名称'];
  const row = ['', '张伟', ID_A, '在读', '城关小学'];

  async function stopOf(file: string): Promise<RollcallError> {
    const error = await loadFile('registry', file).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RollcallError);
    return error as RollcallError;
  }

  it('stops a CSV (exit 2) naming the header and both columns, instead of reading the first', async () => {
    const dir = tempDir();
    const file = writeCsv(join(dir, 'registry.csv'), [header, row]);
    const error = await stopOf(file);
    expect(error.exitCode).toBe(2);
    expect(error.render('zh')).toBe(
      `${file}：表头（第 1 行）有 2 列都叫“身份证号”：第 1 列（A 列）、第 3 列（C 列）——无法确定该读哪一列；请删除多余的那一列或给它改名，再运行`,
    );
    expect(error.render('en')).toBe(
      `${file}: the header (row 1) has 2 columns named "身份证号": column 1 (A), column 3 (C) — which one to read cannot be known; delete the extra column or rename it, then run again`,
    );
    expect(error.render('zh')).not.toContain(ID_A);
  });

  it('stops a workbook the same way, below a title row and past column Z, without the other-sheets hint', async () => {
    const dir = tempDir();
    const wide = [...header, ...Array.from({ length: 24 }, (_, i) => `备注${i}`), '身份证号'];
    const file = await writeXlsx(join(dir, 'registry.xlsx'), {
      学生: [['2026 年秋季学籍'], wide, [...row, ...Array.from({ length: 24 }, () => ''), '']],
      说明: [['本表由学籍系统导出']],
    });
    const error = await stopOf(file);
    expect(error.render('en')).toContain('the header (row 2) has 3 columns named "身份证号": column 1 (A), column 3 (C), column 30 (AD)');
    expect(error.render('en')).not.toContain('the sheet read');
  });

  it('lets a header no field reads repeat (two 备注 columns), and a field read from another synonym', async () => {
    const { fields, unmapped } = await fieldsOf('registry', ['姓名', '身份证号', '学籍状态', '学校名称', '备注', '备注', '学校', '学校']);
    expect(fields.school).toBe('学校名称');
    expect(unmapped).toEqual(['备注', '备注', '学校', '学校']);
  });
});
