import { CATEGORIES, type Case, type CaseGuardians, type Category, type Difference } from '../domain/index.js';
import { t } from '../i18n/index.js';
import { evidenceText, fieldName } from './evidence-text.js';
import {
  CATEGORY_LABELS,
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
  'registry_values',
  'household_values',
  'records',
  'match',
  'candidates',
];

export type CaseRow = Record<Column, string>;

/** SPEC §2: say so when a spreadsheet destroyed the number. */
const DIGITS_LOST = { zh: '（表格把号码存成了数字，后几位已丢失）', en: ' (a spreadsheet stored it as a number: its digits are lost)' } as const;

/** One case as a clerk reads it: labels in the chosen language, IDs masked when asked. */
export function caseRow(c: Case, lang: Lang, mask: Masker): CaseRow {
  const sep = listSeparator(lang);
  return {
    case_id: c.case_id,
    category: label(CATEGORY_LABELS, c.category, lang),
    reasons: c.reasons.map((reason) => label(REASON_LABELS, reason, lang) + (reason === 'id_malformed' && c.id_note ? DIGITS_LOST[lang] : '')).join(sep),
    flags: c.flags.map((flag) => label(FLAG_LABELS, flag, lang)).join(sep),
    township: c.township,
    village: c.village,
    school: c.school,
    grade: c.grade,
    class: c.class,
    student_no: mask.text(c.student_no),
    name: c.person.name,
    id_number: mask.id(c.person.id_number),
    gender: genderLabel(c.person.gender, lang),
    birth_date: c.person.birth_date ?? '',
    guardians: guardiansCell(c.guardians, lang),
    household_no: c.guardians.household_no,
    suggested_id: c.suggested_id ? mask.id(c.suggested_id) : '',
    registry_values: c.differences.map((d) => differenceText(d, 'registry', lang, mask)).join(sep),
    household_values: c.differences.map((d) => differenceText(d, 'household', lang, mask)).join(sep),
    records: c.records.map((record) => rowLabel(record.source, record.row, lang)).join(sep),
    match: c.match ? t('evidence.rule_with_evidence', lang, { rule: label(RULE_LABELS, c.match.rule, lang), evidence: evidenceText(c.match.evidence, lang) }) : '',
    candidates: c.candidates
      .map((candidate) =>
        [rowLabel(candidate.source, candidate.row, lang), candidate.name, mask.id(candidate.id_number), candidate.birth_date ?? '', candidate.township]
          .filter(Boolean)
          .join(' '),
      )
      .join(sep),
  };
}

/** One side of a difference, "姓名：胡洁霞": both sides stand in two columns next to each other. */
function differenceText(difference: Difference, side: 'registry' | 'household', lang: Lang, mask: Masker): string {
  const value = difference[side];
  let shown: string;
  if (value === null) shown = t('evidence.level.missing', lang);
  else if (difference.field === 'id_number') shown = mask.id(value);
  else if (difference.field === 'gender') shown = genderLabel(value as 'male' | 'female', lang);
  else shown = value;
  return t('evidence.pair', lang, { field: fieldName(difference.field, lang), value: shown });
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
export function listCases(cases: readonly Case[], lang: Lang, mask: Masker): CaseListing {
  const order = priorityOrder(cases);
  const rows = Object.fromEntries(CATEGORIES.map((category) => [category, [] as CaseRow[]])) as Record<Category, CaseRow[]>;
  for (const i of order) rows[cases[i]!.category].push(caseRow(cases[i]!, lang, mask));
  return { order, rows };
}
