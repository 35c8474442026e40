import { CATEGORIES, type Case, type CaseGuardians, type Category, type Difference } from '../domain/index.js';
import { listed, t } from '../i18n/index.js';
import { evidenceText, fieldName } from './evidence-text.js';
import {
  categoryLabel,
  COLUMNS,
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
export function caseRow(c: Case, lang: Lang, mask: Masker): CaseRow {
  const sep = listSeparator(lang);
  return {
    case_id: c.case_id,
    category: categoryLabel(c.category, lang),
    reasons: c.reasons
      .map((reason) => reasonLabel(reason, lang) + (reason === 'id_malformed' && c.id_note ? wb('digits_lost', lang) : ''))
      .join(sep),
    flags: c.flags.map((flag) => flagLabel(flag, lang)).join(sep),
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
    household_no: c.guardians.household_no || c.household_no,
    ...differenceCells(c, lang, mask),
    records: c.records.map((record) => rowLabel(record.source, record.row, lang)).join(sep),
    match: c.match
      ? t('evidence.rule_with_evidence', lang, { rule: ruleLabel(c.match.rule, lang), evidence: evidenceText(c.match.evidence, lang) })
      : '',
    candidates: c.candidates
      .map((candidate) =>
        [
          rowLabel(candidate.source, candidate.row, lang),
          candidate.name,
          mask.id(candidate.id_number),
          candidate.birth_date ?? '',
          candidate.township,
        ]
          .filter(Boolean)
          .join(' '),
      )
      .join(sep),
  };
}

/**
 * SPEC §7: every case a clerk reads shows both sides of a difference (the case lists and
 * the follow-up packs): the ID the household register suggests, and each differing
 * field as the registry and the household register have it, in two columns side by side.
 */
export function differenceCells(c: Case, lang: Lang, mask: Masker): Pick<CaseRow, 'suggested_id' | 'registry_values' | 'household_values'> {
  const sep = listSeparator(lang);
  return {
    suggested_id: c.suggested_id ? mask.id(c.suggested_id) : '',
    registry_values: c.differences.map((d) => differenceText(d, 'registry', lang, mask)).join(sep),
    household_values: c.differences.map((d) => differenceText(d, 'household', lang, mask)).join(sep),
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
  if (guardians.status === 'found') return listed(guardians.names, lang);
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
