import { describe, expect, it } from 'vitest';
import { HEADER_SYNONYMS } from '../../src/config/index.js';
import { FIELD_NAMES, RollcallError, type FieldName, type SourceName } from '../../src/domain/index.js';
import { foldText } from '../../src/normalize/index.js';
import { join, tempDir, writeCsv } from '../helpers/files.js';
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
