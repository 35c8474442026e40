import type { Finding } from '../classify/index.js';
import { CATEGORIES, type Case, type Category } from '../domain/index.js';
import {
  categoryLabel,
  COLUMNS,
  evidenceLabel,
  flagLabel,
  genderLabel,
  listSeparator,
  reasonLabel,
  rowLabel,
  ruleLabel,
  wb,
  type Column,
  type Lang,
} from './labels.js';
import type { Masker } from './mask.js';
import { priorityOrder } from './priority.js';

/** The columns of every category CSV and sheet, in order. */
export const CASE_COLUMNS: readonly Column[] = COLUMNS;

export type CaseRow = Record<Column, string>;

/** One case as a clerk reads it: labels in the chosen language, IDs masked when asked. */
export function caseRow(c: Case, finding: Finding, lang: Lang, mask: Masker): CaseRow {
  const sep = listSeparator(lang);
  const primary = finding.primary;
  return {
    case_id: c.case_id,
    category: categoryLabel(c.category, lang),
    reasons: c.reasons.map((reason) => reasonLabel(reason, lang) + (reason === 'id_malformed' && primary.idNote ? wb('digits_lost', lang) : '')).join(sep),
    flags: c.flags.map((flag) => flagLabel(flag, lang)).join(sep),
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
    suggested_id: c.suggested_id ? mask.id(c.suggested_id) : '',
    records: c.records.map((record) => rowLabel(record.source, record.row, lang)).join(sep),
    match: c.match ? `${ruleLabel(c.match.rule, lang)}${lang === 'zh' ? '（' : ' ('}${evidenceLabel(c.match.evidence, lang)}${lang === 'zh' ? '）' : ')'}` : '',
    candidates: c.candidates
      .map((candidate) =>
        [rowLabel(candidate.source, candidate.row, lang), candidate.name, mask.id(candidate.id_number), candidate.birth_date ?? '', candidate.township]
          .filter(Boolean)
          .join(' '),
      )
      .join(sep),
  };
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
