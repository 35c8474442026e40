import { foldText } from './text.js';

/**
 * SPEC §5 `junior_middle`: grades 7–9 (初中). Accepts 七年级/7年级/7, 初一…初三,
 * 初中一年级, and the 学籍系统 grade codes 21–23 (initial-middle years one to three).
 */
export function isJuniorMiddleGrade(raw: string): boolean {
  // A note in brackets (九年级（初三）) says nothing more than the grade before it.
  const text = foldText(raw)
    .replace(/\([^)]*\)$/, '')
    .replace(/年级$/, '');
  if (text === '') return false;
  if (/^(7|8|9|七|八|九|21|22|23)$/.test(text)) return true;
  return /^初(中)?[一二三123]/.test(text);
}
