import { foldText } from './text.js';

/**
 * SPEC §2 `id_type`: empty, `1` or a text containing 居民身份证 is a resident ID
 * card, validated as GB 11643. Decisions (docs/DECISIONS.md): a bare 身份证 is one
 * too; the Hong Kong, Macao and Taiwan documents that contain the words are not.
 */
export function isResidentIdType(raw: string): boolean {
  const text = foldText(raw);
  if (text === '' || text === '1' || text === '身份证') return true;
  if (/香港|澳门|台湾|港澳|澳門|臺灣|台灣/.test(text)) return false;
  return text.includes('居民身份证');
}
