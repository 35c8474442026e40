import { CATALOGUE, t, type Lang, type MessageKey } from '../i18n/index.js';
import {
  CATEGORIES,
  FLAGS,
  REASONS,
  SOURCE_NAMES,
  type Category,
  type Flag,
  type LinkRule,
  type Reason,
  type SourceName,
} from '../domain/index.js';

// The names of codes live in the message catalogue (src/i18n/messages/report.ts);
// these are report/'s accessors for them.

export type { Lang };

type Labels<K extends string> = Record<K, { zh: string; en: string }>;
/** SPEC §4's rule names: one definition, in domain. */
export type Rule = LinkRule;

export const categoryLabel = (category: Category, lang: Lang): string => t(`report.category.${category}`, lang);
export const reasonLabel = (reason: Reason, lang: Lang): string => t(`report.reason.${reason}`, lang);
export const flagLabel = (flag: Flag, lang: Lang): string => t(`report.flag.${flag}`, lang);
export const ruleLabel = (rule: Rule, lang: Lang): string => t(`report.rule.${rule}`, lang);
export const columnLabel = (column: Column, lang: Lang): string => t(`report.column.${column}`, lang);
/** A word of the workbook itself (sheet names, headings). */
export const wb = (word: WorkbookWord, lang: Lang, params?: Readonly<Record<string, string | number>>): string =>
  t(`report.wb.${word}`, lang, params);

/** What a code means and what a clerk does about it (the 说明 sheet, docs/REFERENCE.md). */
export function explanation(kind: 'category' | 'reason' | 'flag' | 'rule' | 'column', code: string, lang: Lang): string {
  const key = `report.explain.${kind}.${code}`;
  return key in CATALOGUE ? t(key as MessageKey, lang) : '';
}

/** Column headers of the category CSVs and sheets. */
export const COLUMNS = [
  'case_id',
  'category',
  'reasons',
  'flags',
  'township',
  'village',
  'school',
  'grade',
  'class',
  'student_no',
  'name',
  'id_number',
  'gender',
  'birth_date',
  'guardians',
  'household_no',
  'suggested_id',
  'registry_values',
  'household_values',
  'records',
  'match',
  'candidates',
] as const;
export type Column = (typeof COLUMNS)[number];

/** The same names as tables, for code that reads them by code (each entry is the catalogue's). */
function table<K extends string>(codes: readonly K[], key: (code: K) => MessageKey): Labels<K> {
  return Object.fromEntries(codes.map((code) => [code, CATALOGUE[key(code)]])) as Labels<K>;
}
export const CATEGORY_LABELS = table(CATEGORIES, (c) => `report.category.${c}`);
export const REASON_LABELS = table(REASONS, (r) => `report.reason.${r}`);
export const FLAG_LABELS = table(FLAGS, (f) => `report.flag.${f}`);

export function label<K extends string>(labels: Labels<K>, key: K, lang: Lang): string {
  return labels[key][lang];
}

type WorkbookWord = MessageKey extends infer K ? (K extends `report.wb.${infer W}` ? W : never) : never;

export const SOURCE_LABELS = table(SOURCE_NAMES, (s) => `report.source.${s}`);

export function genderLabel(gender: 'male' | 'female' | null, lang: Lang): string {
  if (!gender) return '';
  if (lang === 'en') return gender;
  return gender === 'male' ? '男' : '女';
}

export function rowLabel(source: SourceName, row: number, lang: Lang): string {
  return lang === 'zh' ? `${SOURCE_LABELS[source].zh}第${row}行` : `${source} row ${row}`;
}

/** What separates several values in one cell. */
export function listSeparator(lang: Lang): string {
  return lang === 'zh' ? '；' : '; ';
}
