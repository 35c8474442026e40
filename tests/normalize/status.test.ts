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
    // [status, grade 7–9, exit] — SPEC §5: 毕业/结业 complete compulsory education on grades 7–9 only.
    ['休学', false, 'suspended'],
    ['休学', true, 'suspended'],
    ['保留学籍', false, 'suspended'],
    ['毕业', true, 'completed'],
    ['结业', true, 'completed'],
    ['毕业', false, 'other'],
    ['结业', false, 'other'],
    ['转出', false, 'other'],
    ['转学', true, 'other'],
    ['肄业', true, 'other'],
    ['其他离校', false, 'other'],
    ['死亡', false, 'other'],
    ['在读', true, 'other'],
    ['辍学', true, 'other'],
    ['不明', true, 'other'],
  ] as const)('registry %s on grade 7–9 %s → exit %s', (text, juniorMiddle, exit) => {
    expect(statuses.registryExit(text, juniorMiddle)).toBe(exit);
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
    const statuses = new StatusMatcher({ ...DEFAULT_STATUSES, registryLeft: ['转出'], registrySuspended: ['停学'], registryCompleted: ['毕业'] });
    expect(statuses.registryStatus('停学')).toBe('left');
    expect(statuses.registryExit('停学', false)).toBe('suspended');
    expect(statuses.registryStatus('休学')).toBe('unknown');
    expect(statuses.registryExit('毕业', true)).toBe('completed');
    expect(statuses.registryExit('结业', true)).toBe('other');
    expect(statuses.registryStatus('结业')).toBe('unknown');
  });

  it('an active or dropout text is never an exit, whatever other lists say', () => {
    const statuses = new StatusMatcher({ ...DEFAULT_STATUSES, registryActive: ['在读', '休学'] });
    expect(statuses.registryStatus('休学')).toBe('active');
    expect(statuses.registryExit('休学', false)).toBe('other');
  });
});
