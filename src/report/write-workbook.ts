import {
  CATEGORIES,
  EVIDENCE_FIELDS,
  FLAGS,
  REASONS,
  SOURCE_NAMES,
  type Case,
  type Category,
  type CaseCandidate,
  type CasePerson,
  LINK_RULES,
} from '../domain/index.js';
import { CASE_COLUMNS, type CaseListing } from './case-rows.js';
import { comparisonText } from './evidence-text.js';
import {
  categoryLabel,
  columnLabel,
  explanation,
  flagLabel,
  genderLabel,
  reasonLabel,
  rowLabel,
  ruleLabel,
  wb,
  type Column,
  type Lang,
  type Rule,
} from './labels.js';
import type { Masker } from './mask.js';
import type { Summary } from '../domain/index.js';
import { t } from '../i18n/index.js';

import type { SheetColumn, SheetContent, Value, WorkbookContent } from './workbook-file.js';

/** Widths for a landscape A4 page: long texts wrap (SPEC §7), IDs and student numbers fit whole. */
const WIDTHS: Record<Column, number> = {
  case_id: 17,
  category: 11,
  reasons: 18,
  flags: 12,
  township: 10,
  village: 9,
  school: 16,
  grade: 7,
  class: 6,
  student_no: 21,
  name: 9,
  id_number: 20,
  gender: 5,
  birth_date: 11,
  guardians: 14,
  household_no: 19,
  suggested_id: 20,
  registry_values: 20,
  household_values: 20,
  records: 14,
  match: 28,
  candidates: 34,
};
/** ID numbers and student numbers stay text: as numbers Excel would destroy their last digits. */
const TEXT_COLUMNS = new Set<Column>(['id_number', 'suggested_id', 'student_no', 'case_id', 'household_no']);
const WRAP_COLUMNS = new Set<Column>([
  'category',
  'reasons',
  'flags',
  'township',
  'village',
  'school',
  'guardians',
  'registry_values',
  'household_values',
  'records',
  'match',
  'candidates',
]);
const RULES: readonly Rule[] = LINK_RULES;

export interface WorkbookInput {
  readonly summary: Summary;
  readonly cases: readonly Case[];
  readonly listing: CaseListing;
  readonly lang: Lang;
  readonly mask: Masker;
  /** When the run was made: in the workbook only (summary.json stays free of the clock). */
  readonly madeAt?: Date;
}

/**
 * report.xlsx (SPEC §7, issue #5, #12): a summary sheet with the inputs' provenance,
 * a sheet per category in the clerks' priority order, a review sheet setting each
 * uncertain record beside its candidates, and the 说明 sheet that explains every
 * column and code. This builds the content; workbook-file.ts writes it (in a worker
 * thread, see workbook-writer.ts). Every value is a plain value, never a formula,
 * so a hostile name stays text.
 */
export function workbookContent(input: WorkbookInput): WorkbookContent {
  const { lang, listing, summary } = input;
  const sheets: SheetContent[] = [summarySheet(summary, input.cases, lang, input.madeAt)];
  for (const category of CATEGORIES) {
    const rows = listing.rows[category].map((row) => ({
      cells: CASE_COLUMNS.map((column) => (column === 'birth_date' ? dateCell(row.birth_date) : row[column])),
    }));
    sheets.push({
      name: sheetName(category, lang),
      columns: CASE_COLUMNS.map((column) => ({
        header: columnLabel(column, lang),
        width: WIDTHS[column],
        text: TEXT_COLUMNS.has(column),
        date: column === 'birth_date',
        wrap: WRAP_COLUMNS.has(column),
      })),
      rows,
    });
  }
  sheets.push(reviewSheet(input.cases, listing.order, lang, input.mask));
  sheets.push(glossarySheet(lang));
  return {
    created: new Date(`${summary.as_of}T00:00:00Z`),
    pageHeader: wb('page_header', lang, { county: summary.county.prefixes.join(', '), as_of: summary.as_of }),
    pageFooter: wb('page_footer', lang),
    sheets,
  };
}

function sheetName(category: Category, lang: Lang): string {
  // Sheet names may not contain / \ ? * [ ] :
  return lang === 'zh' ? categoryLabel(category, 'zh').replace('/', '或') : category;
}

function dateCell(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : text;
}

/** 2026-09-20T08:01:02.000Z → 2026-09-20 08:01:02 UTC */
function timeText(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

/** A fraction, shown as a percentage (a number, so that it lines up and sorts). */
function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

function summarySheet(summary: Summary, cases: readonly Case[], lang: Lang, madeAt: Date | undefined): SheetContent {
  const rows: SheetContent['rows'] = [];
  const add = (cells: Value[], bold = false) => rows.push({ cells, bold });
  const heading = (text: string) => rows.push({ cells: [text], bold: true, heading: true });
  add([wb('version', lang), `rollcall ${summary.rollcall_version}`], true);
  if (madeAt) add([wb('run_at', lang), timeText(madeAt.toISOString())]);
  add([wb('as_of', lang), dateCell(summary.as_of)]);
  add([wb('reference', lang), dateCell(summary.reference_day)]);
  add([wb('school_age', lang), wb('school_age_value', lang, { min: summary.school_age.min, max: summary.school_age.max })]);
  add([wb('county', lang), summary.county.prefixes.join(', ') + (summary.county.inferred ? wb('inferred', lang) : '')]);

  add([]);
  add(
    [
      wb('inputs', lang),
      wb('file', lang),
      wb('read', lang),
      wb('accepted', lang),
      wb('rejected', lang),
      wb('size', lang),
      wb('modified', lang),
      wb('sha256', lang),
    ],
    true,
  );
  for (const source of SOURCE_NAMES) {
    const info = summary.sources[source];
    if (!info) continue;
    add([
      t(`report.source_long.${source}`, lang),
      info.file,
      info.rows_read,
      info.rows_accepted,
      info.rows_rejected,
      info.size,
      timeText(info.modified),
      info.sha256,
    ]);
  }

  add([]);
  add(
    [wb('links', lang), '', ...RULES.map((rule) => ruleLabel(rule, lang)), t('report.rule.review', lang), t('report.rule.unlinked', lang)],
    true,
  );
  for (const source of ['registry', 'poverty'] as const) {
    const counts = summary.links[source];
    add([t(`report.source_long.${source}`, lang), '', ...RULES.map((rule) => counts[rule]), counts.review, counts.unlinked]);
  }

  add([]);
  add([wb('cases', lang), wb('count', lang)], true);
  for (const category of CATEGORIES) add([categoryLabel(category, lang), summary.cases.by_category[category]]);
  add([wb('total', lang), summary.cases.total], true);
  // SPEC §8: closed cases are found but listed nowhere a clerk works: say why the tables below count fewer.
  if (summary.ledger && summary.ledger.closed > 0) add([wb('of_which_closed', lang), summary.ledger.closed]);

  add([]);
  add([wb('reasons', lang), wb('count', lang)], true);
  for (const reason of REASONS) add([reasonLabel(reason, lang), summary.cases.by_reason[reason]]);

  add([]);
  heading(wb('population', lang));
  add([wb('township', lang), wb('school_age_people', lang), wb('with_active', lang), wb('share', lang)], true);
  for (const [township, counts] of Object.entries(summary.population_by_township)) {
    rows.push({
      cells: [
        township || wb('unknown', lang),
        counts.school_age,
        counts.with_active_registration,
        share(counts.with_active_registration, counts.school_age),
      ],
      percent: [3],
    });
  }

  add([]);
  heading(wb('no_roster', lang));
  const schools = summary.attendance?.schools_without_roster;
  if (!schools) rows.push({ cells: [wb('no_roster_absent', lang)], heading: true });
  else if (schools.length === 0) rows.push({ cells: [wb('no_roster_none', lang)], heading: true });
  else {
    add([wb('school', lang), wb('school_code', lang), wb('registrations', lang)], true);
    for (const school of schools) add([school.school || wb('unknown', lang), school.school_code, school.active_registrations]);
  }

  for (const [heading, keyOf] of [
    [wb('township', lang), (c: Case) => c.township],
    [wb('school', lang), (c: Case) => c.school],
  ] as const) {
    add([]);
    add([heading, '', ...CATEGORIES.map((category) => categoryLabel(category, lang)), wb('total', lang)], true);
    for (const [name, counts] of crossTable(cases, keyOf)) {
      add([
        name || wb('unknown', lang),
        '',
        ...CATEGORIES.map((category) => counts[category]),
        CATEGORIES.reduce((sum, category) => sum + counts[category], 0),
      ]);
    }
  }
  return { name: wb('summary', lang), widths: [28, 30, 13, 13, 13, 13, 24, 66], freezeColumns: 1, rows };
}

/** 说明: every column, category, reason, flag and rule in plain words, with what to do (SPEC §7). */
function glossarySheet(lang: Lang): SheetContent {
  const rows: SheetContent['rows'] = [{ cells: ['', '', wb('glossary_intro', lang)] }];
  const section = (heading: string, entries: [string, string, string][]) => {
    rows.push({ cells: [] }, { cells: [heading], bold: true, heading: true });
    for (const entry of entries) rows.push({ cells: entry });
  };
  section(
    wb('glossary_columns', lang),
    CASE_COLUMNS.map((column) => [columnLabel(column, lang), column, explanation('column', column, lang)]),
  );
  section(
    wb('glossary_categories', lang),
    CATEGORIES.map((category) => [categoryLabel(category, lang), category, explanation('category', category, lang)]),
  );
  section(
    wb('glossary_reasons', lang),
    REASONS.map((reason) => [reasonLabel(reason, lang), reason, explanation('reason', reason, lang)]),
  );
  section(
    wb('glossary_flags', lang),
    FLAGS.map((flag) => [flagLabel(flag, lang), flag, explanation('flag', flag, lang)]),
  );
  section(
    wb('glossary_rules', lang),
    RULES.map((rule) => [ruleLabel(rule, lang), rule, explanation('rule', rule, lang)]),
  );
  return {
    name: wb('glossary', lang),
    columns: [
      { header: wb('glossary_term', lang), width: 24, wrap: true },
      { header: wb('glossary_code', lang), width: 24 },
      { header: wb('glossary_meaning', lang), width: 90, wrap: true },
    ],
    rows,
  };
}

/** Cases per (township or school) × category, the largest totals first. */
function crossTable(cases: readonly Case[], keyOf: (c: Case) => string): [string, Record<Category, number>][] {
  const table = new Map<string, Record<Category, number>>();
  for (const c of cases) {
    const key = keyOf(c);
    let counts = table.get(key);
    if (!counts) table.set(key, (counts = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>));
    counts[c.category]++;
  }
  const total = (counts: Record<Category, number>) => CATEGORIES.reduce((sum, category) => sum + counts[category], 0);
  return [...table].sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Each uncertain record, then its candidates, field by field, with what agreed and what differed. */
function reviewSheet(cases: readonly Case[], order: readonly number[], lang: Lang, mask: Masker): SheetContent {
  const fields = EVIDENCE_FIELDS;
  const columns: SheetColumn[] = [
    { header: columnLabel('case_id', lang), width: 17, text: true },
    { header: wb('role', lang), width: 10 },
    { header: columnLabel('records', lang), width: 14, wrap: true },
    { header: columnLabel('name', lang), width: 10 },
    { header: columnLabel('id_number', lang), width: 20, text: true },
    { header: columnLabel('gender', lang), width: 5 },
    { header: columnLabel('birth_date', lang), width: 11, date: true },
    { header: columnLabel('township', lang), width: 10, wrap: true },
    { header: columnLabel('village', lang), width: 10, wrap: true },
    { header: wb('household_no', lang), width: 14, text: true },
    ...fields.map((field) => ({ header: `${wb('agreement', lang)}：${columnLabel(field, lang)}`, width: 12, wrap: true })),
  ];
  const personCells = (person: CasePerson | CaseCandidate, row: string): Value[] => [
    row,
    person.name,
    mask.id(person.id_number),
    genderLabel(person.gender, lang),
    dateCell(person.birth_date ?? ''),
  ];
  const rows: SheetContent['rows'] = [];
  for (const i of order) {
    const c = cases[i]!;
    if (c.category !== 'review') continue;
    const record = c.records[0]!;
    rows.push({
      cells: [c.case_id, wb('record', lang), ...personCells(c.person, rowLabel(record.source, record.row, lang)), c.township, '', ''],
    });
    for (const candidate of c.candidates) {
      const evidence = candidate.evidence;
      rows.push({
        cells: [
          c.case_id,
          wb('candidate', lang),
          ...personCells(candidate, rowLabel(candidate.source, candidate.row, lang)),
          candidate.township,
          candidate.village,
          candidate.household_no,
          ...fields.map((field) => comparisonText(evidence, field, lang)),
        ],
      });
    }
  }
  return { name: wb('review_detail', lang), columns, rows };
}
