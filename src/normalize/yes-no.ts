import type { FlagField } from '../domain/index.js';

// SPEC §2 "Yes/no fields": 是, 1, 2 (留守: 单亲/双亲), Y, true, or any named
// disability type are yes; 否, 0, 无, N, false and empty are no.

const YES = new Set(['是', '1', '2', 'Y', 'YES', 'TRUE', '有']);
const NO = new Set(['', '否', '0', '无', 'N', 'NO', 'FALSE', '不是', '非', '正常']);

export type YesNoField = FlagField | 'dropout_flag';

/** true / false, or undefined when the text is neither a known yes nor a known no. */
export function parseYesNo(raw: string, field: YesNoField): boolean | undefined {
  if (raw === '否' || raw === '') return false;
  if (raw === '是') return true;
  const text = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (NO.has(text)) return false;
  if (YES.has(text)) return true;
  if (text.startsWith('非') || text.startsWith('不')) return false;
  // Any named type of disability (视力残疾, 肢体残疾 …) means disabled.
  if (field === 'disabled') return true;
  // 单亲留守, 双亲留守, 留守儿童 …
  if (field === 'left_behind' && text.includes('留守')) return true;
  if (field === 'migrant' && text.includes('随迁')) return true;
  return undefined;
}
