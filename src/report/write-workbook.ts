import { CATEGORIES, EVIDENCE_FIELDS, type Case, type Category, type CaseCandidate, type CasePerson } from '../domain/index.js';
import { CASE_COLUMNS, type CaseListing } from './case-rows.js';
import { CATEGORY_LABELS, COLUMN_LABELS, genderLabel, label, rowLabel, WORKBOOK_LABELS as T, type Column, type Lang } from './labels.js';
import { comparisonText } from './evidence-text.js';
import type { Masker } from './mask.js';
import type { Summary } from './summary.js';

import type { SheetColumn, SheetContent, Value, WorkbookContent } from './workbook-file.js';

const WIDTHS: Record<Column, number> = {
  case_id: 18,
  category: 14,
  reasons: 30,
  flags: 16,
  township: 12,
  village: 12,
  school: 22,
  grade: 8,
  class: 8,
  student_no: 22,
  name: 12,
  id_number: 21,
  gender: 6,
  birth_date: 12,
  guardians: 24,
  household_no: 20,
  suggested_id: 21,
  registry_values: 30,
  household_values: 30,
  records: 26,
  match: 44,
  candidates: 60,
};
/** ID numbers and student numbers stay text: as numbers Excel would destroy their last digits. */
const TEXT_COLUMNS = new Set<Column>(['id_number', 'suggested_id', 'student_no', 'case_id', 'household_no']);

/**
 * report.xlsx (SPEC §7, issue #5): a summary sheet, a sheet per category in the
 * clerks' priority order, and a review sheet setting each uncertain record beside
 * its candidates. This builds the content; workbook-file.ts writes it (in a worker
 * thread, see workbook-writer.ts). Every value is a plain value, never a formula,
 * so a hostile name stays text.
 */
export function workbookContent(input: { summary: Summary; cases: readonly Case[]; listing: CaseListing; lang: Lang; mask: Masker }): WorkbookContent {
  const { lang, listing } = input;
  const sheets: SheetContent[] = [summarySheet(input.summary, input.cases, lang)];
  for (const category of CATEGORIES) {
    const rows = listing.rows[category].map((row) => ({ cells: CASE_COLUMNS.map((column) => (column === 'birth_date' ? dateCell(row.birth_date) : row[column])) }));
    sheets.push({
      name: sheetName(category, lang),
      columns: CASE_COLUMNS.map((column) => ({ header: COLUMN_LABELS[column][lang], width: WIDTHS[column], text: TEXT_COLUMNS.has(column), date: column === 'birth_date' })),
      rows,
    });
  }
  sheets.push(reviewSheet(input.cases, listing.order, lang, input.mask));
  return { created: new Date(`${input.summary.as_of}T00:00:00Z`), sheets };
}

function sheetName(category: Category, lang: Lang): string {
  // Sheet names may not contain / \ ? * [ ] :
  return lang === 'zh' ? CATEGORY_LABELS[category].zh.replace('/', '或') : category;
}

function dateCell(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : text;
}


function summarySheet(summary: Summary, cases: readonly Case[], lang: Lang): SheetContent {
  const rows: SheetContent['rows'] = [];
  const add = (cells: Value[], bold = false) => rows.push({ cells, bold });
  add(['rollcall', summary.rollcall_version], true);
  add([T.asOf[lang], dateCell(summary.as_of)]);
  add([T.reference[lang], dateCell(summary.reference_day)]);
  add([T.county[lang], summary.county.prefixes.join(', ') + (summary.county.inferred ? T.inferred[lang] : '')]);
  add([]);
  add([T.inputs[lang], T.file[lang], T.read[lang], T.accepted[lang], T.rejected[lang]], true);
  for (const [source, info] of Object.entries(summary.sources)) add([source, info.file, info.rows_read, info.rows_accepted, info.rows_rejected]);
  add([]);
  add([T.links[lang], '', 'id_exact', 'id_fuzzy', 'name_birth', T.review[lang], T.unlinked[lang]], true);
  for (const [source, counts] of Object.entries({ registry: summary.links.registry, poverty: summary.links.poverty })) {
    add([source, '', counts.id_exact, counts.id_fuzzy, counts.name_birth, counts.review, counts.unlinked]);
  }
  add([]);
  add([T.cases[lang], T.count[lang]], true);
  for (const category of CATEGORIES) add([label(CATEGORY_LABELS, category, lang), summary.cases.by_category[category]]);
  add([T.total[lang], summary.cases.total]);
  for (const [heading, keyOf] of [
    [T.township[lang], (c: Case) => c.township],
    [T.school[lang], (c: Case) => c.school],
  ] as const) {
    add([]);
    add([heading, '', ...CATEGORIES.map((category) => label(CATEGORY_LABELS, category, lang)), T.total[lang]], true);
    for (const [name, counts] of crossTable(cases, keyOf)) {
      add([name || T.unknown[lang], '', ...CATEGORIES.map((category) => counts[category]), CATEGORIES.reduce((sum, category) => sum + counts[category], 0)]);
    }
  }
  return { name: T.summary[lang], widths: [26, 40, ...CATEGORIES.map(() => 14), 10], rows };
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
    { header: COLUMN_LABELS.case_id[lang], width: 18, text: true },
    { header: T.role[lang], width: 12 },
    { header: COLUMN_LABELS.records[lang], width: 20 },
    { header: COLUMN_LABELS.name[lang], width: 12 },
    { header: COLUMN_LABELS.id_number[lang], width: 21, text: true },
    { header: COLUMN_LABELS.gender[lang], width: 6 },
    { header: COLUMN_LABELS.birth_date[lang], width: 12, date: true },
    { header: COLUMN_LABELS.township[lang], width: 12 },
    { header: COLUMN_LABELS.village[lang], width: 12 },
    { header: T.householdNo[lang], width: 16, text: true },
    ...fields.map((field) => ({ header: `${T.agreement[lang]}：${COLUMN_LABELS[field][lang]}`, width: 14 })),
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
    rows.push({ cells: [c.case_id, T.record[lang], ...personCells(c.person, rowLabel(record.source, record.row, lang)), c.township, '', ''] });
    for (const candidate of c.candidates) {
      const evidence = candidate.evidence;
      rows.push({
        cells: [
          c.case_id,
          T.candidate[lang],
          ...personCells(candidate, rowLabel(candidate.source, candidate.row, lang)),
          candidate.township,
          candidate.village,
          candidate.household_no,
          ...fields.map((field) => comparisonText(evidence, field, lang)),
        ],
      });
    }
  }
  return { name: T.reviewDetail[lang], columns, rows };
}
