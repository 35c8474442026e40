import { describe, expect, it } from 'vitest';
import { CATALOGUE, fill, placeholders, t } from '../../src/i18n/index.js';

describe('the message catalogue', () => {
  const entries = Object.entries(CATALOGUE) as [string, { zh: string; en: string }][];

  it.each(entries)('%s has 中文 and English with the same placeholders', (_key, text) => {
    expect(text.zh.trim()).not.toBe('');
    expect(text.en.trim()).not.toBe('');
    expect(placeholders(text.zh)).toEqual(placeholders(text.en));
  });

  it('keys are "area.what"', () => {
    for (const [key] of entries) expect(key).toMatch(/^[a-z_]+(\.[a-z0-9_]+)+$/);
  });

  it('fills parameters and writes numbers with separators', () => {
    expect(fill('{file}: {rows} 行', { file: 'a.csv', rows: 12345 })).toBe('a.csv: 12,345 行');
    expect(fill('{missing} stays', {})).toBe('{missing} stays');
    expect(t('core.unexpected', 'zh')).toContain('意外错误');
  });
});
