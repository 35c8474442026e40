import { describe, expect, it } from 'vitest';
import { join, tempDir, writeCsv } from '../helpers/files.js';
import { makeId } from '../helpers/ids.js';
import { loadFile } from '../helpers/load.js';

// The status and out-of-school parts of reading a row (SPEC §1, §2).

const ID_A = makeId('341324', '20120305', 121);

describe('a registry record knows how it left (SPEC §2, §5)', () => {
  it.each([
    // [学生状态, 年级, status kind, exit]
    ['在读', '六年级', 'active', 'other'],
    ['在籍在校', '九年级', 'active', 'other'],
    ['在籍离校', '八年级', 'dropout', 'other'],
    ['毕业', '六年级', 'left', 'other'],
    ['毕业', '九年级', 'left', 'completed'],
    ['结业', '初三', 'left', 'completed'],
    ['毕业', '', 'left', 'completed'],
    ['毕业', '小学六年级', 'left', 'other'],
    ['毕业', '16', 'left', 'other'],
    ['毕业', '23', 'left', 'completed'],
    ['毕业', '高三', 'left', 'completed'],
    ['休学', '三年级', 'left', 'suspended'],
    ['保留学籍', '八年级', 'left', 'suspended'],
    ['转出', '七年级', 'left', 'other'],
    ['其他离校', '五年级', 'left', 'other'],
    ['肄业', '九年级', 'left', 'other'],
    ['离开', '五年级', 'unknown', 'other'],
  ])('%s on %j → %s, %s', async (status, grade, kind, exit) => {
    const dir = tempDir();
    const file = writeCsv(join(dir, 'registry.csv'), [
      ['姓名', '身份证号', '学生状态', '学校标识码', '年级'],
      ['张伟', ID_A, status, '2134000001', grade],
    ]);
    const { records } = await loadFile('registry', file);
    expect(records[0]!.statusKind).toBe(kind);
    expect(records[0]!.exit).toBe(exit);
    expect(records[0]!.schoolCode).toBe('2134000001');
  });
});

describe('household status (SPEC §1)', () => {
  it('without a status column everyone is living', async () => {
    const dir = tempDir();
    const file = writeCsv(join(dir, 'household.csv'), [
      ['姓名', '身份证号'],
      ['张伟', ID_A],
      ['李娜', ''],
    ]);
    const loaded = await loadFile('household', file);
    expect(loaded.records.map((r) => r.statusKind)).toEqual(['living', 'living']);
    expect(loaded.problems.unknownStatuses.size).toBe(0);
  });

  it('with a status column, an empty status is living and others as listed', async () => {
    const dir = tempDir();
    const file = writeCsv(join(dir, 'household.csv'), [
      ['姓名', '身份证号', '人员状态'],
      ['张伟', ID_A, ''],
      ['李娜', '', '死亡'],
      ['王芳', '', '外出'],
    ]);
    const loaded = await loadFile('household', file);
    expect(loaded.records.map((r) => r.statusKind)).toEqual(['living', 'deceased', 'unknown']);
  });
});

describe('poverty out of school (SPEC §2)', () => {
  it.each([
    // [在校生状况, 是否失学辍学, 未上学原因, out of school]
    ['', '', '', false],
    ['在校生', '否', '无', false],
    ['', '', '因病', true],
    ['', '', '厌学', true],
    ['在校生', '', '空', false],
    ['', '', '否', false],
    ['', '', '0', false],
    ['', '', 'N', false],
    ['', '', 'false', false],
    ['非在校生', '', '', true],
    ['', '是', '', true],
    ['学前教育', '', '', false],
  ])('在校生状况 %j, 失学辍学 %j, 未上学原因 %j → %s', async (schoolStatus, flag, reason, out) => {
    const dir = tempDir();
    const header = ['成员姓名', '证件号码', '在校生状况', '是否失学辍学', '义务教育阶段未上学原因'];
    const file = writeCsv(join(dir, 'poverty.csv'), [header, ['张伟', ID_A, schoolStatus, flag, reason]]);
    const { records } = await loadFile('poverty', file);
    expect(records[0]!.outOfSchool).toBe(out);
  });

  it('counts 在校生状况 values in no list and members out of school by their reason alone', async () => {
    const dir = tempDir();
    const header = ['成员姓名', '证件号码', '在校生状态', '失学辍学原因'];
    const rows = [
      header,
      ['甲', '', '待定', ''],
      ['乙', '', '待定', '因病'],
      ['丙', '', '小学', ''],
      ['丁', '', '', '因残'],
      ['戊', '', '非在校生', '厌学'],
    ];
    const { problems } = await loadFile('poverty', writeCsv(join(dir, 'poverty.csv'), rows));
    expect(Object.fromEntries(problems.unknownSchoolStatuses)).toEqual({ 待定: 2 });
    expect(problems.outOfSchoolByReasonCount).toBe(2);
  });
});
