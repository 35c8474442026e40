import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUSES } from '../../src/config/index.js';
import { isOutOfSchoolReason, StatusMatcher } from '../../src/normalize/index.js';

describe('StatusMatcher with the default lists', () => {
  const statuses = new StatusMatcher(DEFAULT_STATUSES);

  it.each([
    ['在读', 'active'],
    ['在校', 'active'],
    ['正常', 'active'],
    [' 在读 ', 'active'],
    ['辍学', 'dropout'],
    ['失学', 'dropout'],
    ['转出', 'left'],
    ['转学', 'left'],
    ['毕业', 'left'],
    ['结业', 'left'],
    ['死亡', 'left'],
    ['休学', 'left'],
    ['在籍在校', 'active'],
    ['在籍', 'active'],
    ['复学', 'active'],
    ['转入', 'active'],
    ['留级', 'active'],
    ['请假', 'active'],
    ['在籍离校', 'dropout'],
    ['退学', 'dropout'],
    ['开除', 'dropout'],
    ['肄业', 'left'],
    ['保留学籍', 'left'],
    ['其他离校', 'left'],
    ['离校', 'unknown'],
    ['借读', 'unknown'],
    ['', 'unknown'],
  ])('registry %s → %s', (text, kind) => {
    expect(statuses.registryStatus(text)).toBe(kind);
  });

  it.each([
    ['正常', 'living'],
    ['0', 'living'],
    ['', 'living'],
    ['死亡', 'deceased'],
    ['1', 'deceased'],
    ['迁出', 'gone'],
    ['2', 'gone'],
    ['出国（境）定居', 'gone'],
    ['出国(境)定居', 'gone'],
    ['4', 'gone'],
    ['注销', 'gone'],
    ['8', 'gone'],
    ['删除', 'gone'],
    ['7', 'gone'],
    ['3', 'unknown'],
  ])('household %s → %s', (text, kind) => {
    expect(statuses.householdStatus(text)).toBe(kind);
  });

  it.each([
    // [status, grade level, exit] — SPEC §5: 毕业/结业 complete compulsory education on grades 7–9 (and above).
    ['休学', 3, 'suspended'],
    ['休学', 8, 'suspended'],
    ['保留学籍', null, 'suspended'],
    ['毕业', 9, 'completed'],
    ['结业', 7, 'completed'],
    ['毕业', 12, 'completed'],
    ['毕业', null, 'completed'], // a grade nobody can read is not taken as primary
    ['毕业', 6, 'other'], // 小升初
    ['结业', 6, 'other'],
    ['毕业', 1, 'other'],
    ['转出', 5, 'other'],
    ['转学', 8, 'other'],
    ['肄业', 9, 'other'],
    ['其他离校', null, 'other'],
    ['死亡', 4, 'other'],
    ['在读', 9, 'other'],
    ['辍学', 9, 'other'],
    ['不明', 9, 'other'],
  ] as const)('registry %s on grade %s → exit %s', (text, grade, exit) => {
    expect(statuses.registryExit(text, grade)).toBe(exit);
  });

  it.each([
    ['非在校生', true],
    ['辍学', true],
    ['失学', true],
    ['在校生', false],
    ['义务教育阶段', false],
  ])('poverty 在校生状况 %s → out of school %s', (text, outOfSchool) => {
    expect(statuses.isOutOfSchool(text)).toBe(outOfSchool);
  });

  it.each([
    ['非在校生', true],
    ['在校生', true],
    ['在 校 生', true],
    ['学前教育', true],
    ['学龄前儿童', true],
    ['小学', true],
    ['一年级', true],
    ['九年级', true],
    ['小学三年级', true],
    ['初中二年级', true],
    ['高一', true],
    ['中职一年级', true],
    ['大专及以上', true],
    ['', true],
    ['义务教育阶段', false],
    ['待定', false],
    ['十年级', false],
  ])('poverty 在校生状况 %s is in a known list: %s', (text, known) => {
    expect(statuses.isKnownSchoolStatus(text)).toBe(known);
  });

  it.each([
    ['', false],
    ['否', false],
    ['0', false],
    ['无', false],
    ['N', false],
    ['n', false],
    ['false', false],
    ['FALSE', false],
    ['空', false],
    [' 无 ', false],
    ['因病', true],
    ['因残', true],
    ['不愿上学', true],
    ['厌学', true],
    ['是', true],
    ['其他', true],
  ])('未上学原因 %j → out of school %s', (text, out) => {
    expect(isOutOfSchoolReason(text)).toBe(out);
  });
});

describe('StatusMatcher with config lists', () => {
  it('a configured list replaces the default one', () => {
    const statuses = new StatusMatcher({ ...DEFAULT_STATUSES, registryActive: ['在籍'] });
    expect(statuses.registryStatus('在籍')).toBe('active');
    expect(statuses.registryStatus('在读')).toBe('unknown');
  });

  it('registrySuspended and registryCompleted replace theirs; their texts are left even when the left list omits them', () => {
    const statuses = new StatusMatcher({
      ...DEFAULT_STATUSES,
      registryLeft: ['转出'],
      registrySuspended: ['停学'],
      registryCompleted: ['毕业'],
    });
    expect(statuses.registryStatus('停学')).toBe('left');
    expect(statuses.registryExit('停学', 4)).toBe('suspended');
    expect(statuses.registryStatus('休学')).toBe('unknown');
    expect(statuses.registryExit('毕业', 9)).toBe('completed');
    expect(statuses.registryExit('结业', 9)).toBe('other');
    expect(statuses.registryStatus('结业')).toBe('unknown');
  });

  it('an active or dropout text is never an exit, whatever other lists say', () => {
    const statuses = new StatusMatcher({ ...DEFAULT_STATUSES, registryActive: ['在读', '休学'] });
    expect(statuses.registryStatus('休学')).toBe('active');
    expect(statuses.registryExit('休学', 4)).toBe('other');
  });
});
