import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUSES } from '../../src/config/index.js';
import { StatusMatcher } from '../../src/normalize/index.js';

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
    ['在籍', 'unknown'],
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
    ['非在校生', true],
    ['辍学', true],
    ['失学', true],
    ['在校生', false],
    ['义务教育阶段', false],
  ])('poverty 在校生状况 %s → out of school %s', (text, outOfSchool) => {
    expect(statuses.isOutOfSchool(text)).toBe(outOfSchool);
  });
});

describe('StatusMatcher with config lists', () => {
  it('a configured list replaces the default one', () => {
    const statuses = new StatusMatcher({ ...DEFAULT_STATUSES, registryActive: ['在籍'] });
    expect(statuses.registryStatus('在籍')).toBe('active');
    expect(statuses.registryStatus('在读')).toBe('unknown');
  });
});
