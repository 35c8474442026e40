import type { Finding } from '../classify/index.js';
import { CATEGORIES, type Case, type CaseGuardians, type Category } from '../domain/index.js';
import { t } from '../i18n/index.js';
import {
  CATEGORY_LABELS,
  evidenceLabel,
  FLAG_LABELS,
  genderLabel,
  label,
  listSeparator,
  REASON_LABELS,
  rowLabel,
  RULE_LABELS,
  type Column,
  type Lang,
} from './labels.js';
import type { Masker } from './mask.js';
import { priorityOrder } from './priority.js';

/** The columns of every category CSV and sheet, in order. */
export const CASE_COLUMNS: readonly Column[] = [
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
  'records',
  'match',
  'candidates',
];

export type CaseRow = Record<Column, string>;

/** SPEC §2: say so when a spreadsheet destroyed the number. */
const DIGITS_LOST = { zh: '（表格把号码存成了数字，后几位已丢失）', en: ' (a spreadsheet stored it as a number: its digits are lost)' } as const;

/** One case as a clerk reads it: labels in the chosen language, IDs masked when asked. */
export function caseRow(c: Case, finding: Finding, lang: Lang, mask: Masker): CaseRow {
  const sep = listSeparator(lang);
  const primary = finding.primary;
  return {
    case_id: c.case_id,
    category: label(CATEGORY_LABELS, c.category, lang),
    reasons: c.reasons.map((reason) => label(REASON_LABELS, reason, lang) + (reason === 'id_malformed' && primary.idNote ? DIGITS_LOST[lang] : '')).join(sep),
    flags: c.flags.map((flag) => label(FLAG_LABELS, flag, lang)).join(sep),
    township: c.township,
    village: primary.village || finding.household?.village || '',
    school: c.school,
    grade: primary.grade,
    class: primary.className,
    student_no: mask.text(primary.studentNo),
    name: c.person.name,
    id_number: mask.id(c.person.id_number),
    gender: genderLabel(c.person.gender, lang),
    birth_date: c.person.birth_date ?? '',
    guardians: guardiansCell(c.guardians, lang),
    household_no: c.guardians.household_no,
    suggested_id: c.suggested_id ? mask.id(c.suggested_id) : '',
    records: c.records.map((record) => rowLabel(record.source, record.row, lang)).join(sep),
    match: c.match ? `${label(RULE_LABELS, c.match.rule, lang)}${lang === 'zh' ? '（' : ' ('}${evidenceLabel(c.match.evidence, lang)}${lang === 'zh' ? '）' : ')'}` : '',
    candidates: c.candidates
      .map((candidate) =>
        [rowLabel(candidate.source, candidate.row, lang), candidate.name, mask.id(candidate.id_number), candidate.birth_date ?? '', candidate.township]
          .filter(Boolean)
          .join(' '),
      )
      .join(sep),
  };
}

/** SPEC §11: the guardians' names, or why none was found (the case list flags it). */
export function guardiansCell(guardians: CaseGuardians, lang: Lang): string {
  if (guardians.status === 'found') return guardians.names.join(lang === 'zh' ? '、' : ', ');
  return t(`notices.guardians.${guardians.status}`, lang);
}

/** The cases as clerks work them: priority order, and each case's row, by category. */
export interface CaseListing {
  /** Indices into the cases, in priority order. */
  readonly order: readonly number[];
  readonly rows: Readonly<Record<Category, readonly CaseRow[]>>;
}

/** Made once a run: the CSVs and the workbook list the same rows. */
export function listCases(cases: readonly Case[], findings: readonly Finding[], lang: Lang, mask: Masker): CaseListing {
  const order = priorityOrder(cases);
  const rows = Object.fromEntries(CATEGORIES.map((category) => [category, [] as CaseRow[]])) as Record<Category, CaseRow[]>;
  for (const i of order) rows[cases[i]!.category].push(caseRow(cases[i]!, findings[i]!, lang, mask));
  return { order, rows };
}
