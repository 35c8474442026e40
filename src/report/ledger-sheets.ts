import {
  FLAG_BITS,
  formatDay,
  INACTIVE_REGISTRATIONS,
  peoplesEntries,
  type Case,
  type CaseLedger,
  type FollowUpEntry,
  type LedgerView,
  type SchoolAgeChildren,
} from '../domain/index.js';
import { t, type MessageKey } from '../i18n/index.js';
import { CATEGORY_LABELS, FLAG_LABELS, genderLabel, label, listSeparator, REASON_LABELS, type Lang } from './labels.js';
import type { Masker } from './mask.js';
import { RowRenderer } from './raw-rows.js';
import type { SheetColumn, SheetContent, Value } from './workbook-file.js';

// SPEC §10: the three ledgers (三台账) and the resolved and closed cases, as sheets
// of report.xlsx. Built here from plain data; workbook-file.ts writes them (on the
// workbook worker, streaming: 适龄儿童台账 is about 150,000 rows at county scale).

type Col =
  | 'case_id'
  | 'state'
  | 'first_seen'
  | 'nights'
  | 'category'
  | 'reasons'
  | 'township'
  | 'village'
  | 'school'
  | 'grade'
  | 'name'
  | 'id_number'
  | 'gender'
  | 'birth_date'
  | 'flags'
  | 'standing'
  | 'persuasions'
  | 'entries'
  | 'last_entry'
  | 'confirmed'
  | 'status'
  | 'date'
  | 'kind'
  | 'method'
  | 'outcome'
  | 'by'
  | 'note'
  | 'resolved_on'
  | 'closed_on';

const WIDTHS: Partial<Record<Col, number>> = {
  case_id: 18,
  reasons: 30,
  school: 22,
  id_number: 21,
  standing: 30,
  last_entry: 30,
  note: 30,
  flags: 16,
};
const TEXT: ReadonlySet<Col> = new Set<Col>(['case_id', 'id_number']);
const DATES: ReadonlySet<Col> = new Set<Col>(['first_seen', 'birth_date', 'date', 'resolved_on', 'closed_on']);

export interface LedgerSheetsInput {
  readonly ledger: LedgerView;
  /** Tonight's cases (closed ones included). */
  readonly cases: readonly Case[];
  readonly lang: Lang;
  readonly mask: Masker;
}

/** 疑似辍学学生台账, 辍学学生台账, 已消除 and 已销号; 适龄儿童台账 is childrenSheet (the last sheet, written last). */
export function ledgerSheets(input: LedgerSheetsInput): SheetContent[] {
  return [suspectedSheet(input), dropoutSheet(input), resolvedSheet(input), closedSheet(input)];
}

/** A table sheet (the ledgers other than 适龄儿童台账). */
function sheet(name: MessageKey, cols: readonly Col[], rows: Value[][], lang: Lang): SheetContent {
  return {
    name: t(name, lang),
    columns: columnsOf(cols, lang, false),
    rows: rows.map((cells) => ({ cells: cells.map((cell, i) => (DATES.has(cols[i]!) ? dateCell(cell) : cell)) })),
  };
}

/**
 * The header of a table sheet. `large` (适龄儿童台账, ~150,000 rows at county scale):
 * written as plain values (raw-rows.ts), no column formats, dates as YYYY-MM-DD
 * text; IDs stay text cells (string values).
 */
function columnsOf(cols: readonly Col[], lang: Lang, large: boolean): SheetColumn[] {
  return cols.map((col) => ({
    header: t(`ledger.col.${col}` as MessageKey, lang),
    width: WIDTHS[col] ?? 12,
    text: !large && TEXT.has(col),
    date: !large && DATES.has(col),
  }));
}

const CHILDREN_COLUMNS: readonly Col[] = [
  'township',
  'village',
  'name',
  'id_number',
  'gender',
  'birth_date',
  'flags',
  'standing',
  'school',
  'grade',
  'case_id',
  'persuasions',
];

/**
 * 适龄儿童台账: every school-age child, one row, and where the child stands. Rendered
 * here, below the header, child by child: the workbook worker receives a few
 * strings, and no array of 150,000 rows is made.
 */
export function childrenSheet({
  children,
  ledger,
  cases,
  lang,
  mask,
}: LedgerSheetsInput & { readonly children: SchoolAgeChildren }): SheetContent {
  const byId = new Set(cases.map((c) => c.case_id));
  const closedById = new Map(ledger.closed.map((closed) => [closed.case.case_id, closed]));
  const enrolled = t('ledger.standing.enrolled', lang);
  const none = t('ledger.standing.none', lang);
  const inactive = Object.fromEntries(INACTIVE_REGISTRATIONS.map((kind) => [kind, t(`ledger.standing.${kind}`, lang)]));
  const suspected = t('ledger.standing.suspected', lang);
  // A few dozen combinations of focus groups: each written once.
  const flagTexts = new Map<number, string>();
  const flagText = (bits: number, poverty: boolean) => {
    const key = bits * 2 + (poverty ? 1 : 0);
    let text = flagTexts.get(key);
    if (text === undefined) {
      const flags: (keyof typeof FLAG_LABELS)[] = poverty ? ['poverty'] : [];
      for (const flag of Object.keys(FLAG_BITS) as (keyof typeof FLAG_BITS)[]) if (bits & FLAG_BITS[flag]) flags.push(flag);
      text = flags.map((flag) => label(FLAG_LABELS, flag, lang)).join(listSeparator(lang));
      flagTexts.set(key, text);
    }
    return text;
  };
  // A few thousand birth dates among 150,000 children: each written out once.
  const birthTexts = new Map<number, string | null>();
  const birthText = (day: number) => {
    let text = birthTexts.get(day);
    if (text === undefined) {
      text = formatDay(day) || null;
      birthTexts.set(day, text);
    }
    return text;
  };
  const renderer = new RowRenderer(2);
  const cells: Value[] = [];
  children.forEach((child) => {
    const state = child.case_id ? ledger.cases.get(child.case_id) : undefined;
    const closed = child.case_id ? closedById.get(child.case_id) : undefined;
    let standing: string;
    if (closed && state?.state === 'closed') standing = t('ledger.standing.closed', lang, { outcome: outcomeLabel(closed.outcome, lang) });
    else if (state?.follow_up.confirmed) standing = outcomeLabel(state.follow_up.confirmed, lang);
    else if (child.case_id && byId.has(child.case_id)) standing = suspected;
    else if (child.registration) standing = inactive[child.registration]!;
    else standing = child.school ? enrolled : none;
    cells[0] = child.township;
    cells[1] = child.village;
    cells[2] = child.name;
    cells[3] = mask.id(child.id_number);
    cells[4] = genderLabel(child.gender, lang);
    cells[5] = birthText(child.birth);
    cells[6] = flagText(child.flags, child.poverty);
    cells[7] = standing;
    cells[8] = child.school;
    cells[9] = child.grade;
    cells[10] = child.case_id ?? '';
    cells[11] = state ? state.follow_up.persuasions : null;
    renderer.add(cells);
  });
  return {
    name: t('ledger.sheet.children', lang),
    columns: columnsOf(CHILDREN_COLUMNS, lang, true),
    rows: [],
    rendered: renderer.finish(),
  };
}

const SUSPECT_CATEGORIES = new Set(['enrolled_absent', 'unregistered_school_age']);

/** 疑似辍学学生台账: open enrolled_absent and unregistered_school_age cases with no confirmed_* outcome yet. */
function suspectedSheet({ ledger, cases, lang, mask }: LedgerSheetsInput): SheetContent {
  const cols: Col[] = [
    'case_id',
    'state',
    'first_seen',
    'nights',
    'category',
    'reasons',
    'township',
    'school',
    'name',
    'id_number',
    'gender',
    'birth_date',
    'entries',
    'last_entry',
  ];
  const rows: Value[][] = [];
  for (const c of cases) {
    const state = ledger.cases.get(c.case_id);
    if (!state || state.state === 'closed' || !SUSPECT_CATEGORIES.has(c.category) || state.follow_up.confirmed) continue;
    rows.push([
      ...caseCells(c, state, lang, mask),
      state.follow_up.entries,
      state.follow_up.last ? entryText(state.follow_up.last, lang) : '',
    ]);
  }
  return sheet('ledger.sheet.suspected', cols, rows, lang);
}

/**
 * 辍学学生台账: cases confirmed as dropouts (or never enrolled), each persuasion visit a
 * row, until closed; closed ones stay with their outcome.
 */
function dropoutSheet({ ledger, cases, lang, mask }: LedgerSheetsInput): SheetContent {
  const cols: Col[] = [
    'case_id',
    'confirmed',
    'status',
    'township',
    'school',
    'name',
    'id_number',
    'gender',
    'birth_date',
    'persuasions',
    'date',
    'method',
    'outcome',
    'by',
    'note',
  ];
  const rows: Value[][] = [];
  const add = (c: Case, confirmed: string, status: string) => {
    // Each persuasion a person made; rollcall's notices written are not visits.
    const visits = peoplesEntries(ledger.entries.get(c.case_id) ?? []).filter((entry) => entry.kind === 'persuade');
    const person = [
      c.case_id,
      outcomeLabel(confirmed, lang),
      status,
      c.township,
      c.school,
      c.person.name,
      mask.id(c.person.id_number),
      genderLabel(c.person.gender, lang),
      c.person.birth_date,
    ];
    if (visits.length === 0) rows.push([...person, 0, null, '', '', '', '']);
    visits.forEach((visit, i) => {
      rows.push([
        ...person,
        i + 1,
        visit.date,
        visit.method ? methodLabel(visit.method, lang) : '',
        visit.outcome ? outcomeLabel(visit.outcome, lang) : '',
        visit.by,
        visit.note,
      ]);
    });
  };
  const closedById = new Map(ledger.closed.map((closed) => [closed.case.case_id, closed]));
  const listed = new Set<string>();
  for (const c of cases) {
    const state = ledger.cases.get(c.case_id);
    if (!state?.follow_up.confirmed) continue;
    const closed = state.state === 'closed' ? closedById.get(c.case_id) : undefined;
    add(c, state.follow_up.confirmed, closed ? outcomeLabel(closed.outcome, lang) : '');
    listed.add(c.case_id);
  }
  for (const closed of ledger.closed) {
    if (listed.has(closed.case.case_id)) continue;
    const confirmed = [...(ledger.entries.get(closed.case.case_id) ?? [])]
      .reverse()
      .find((entry) => entry.outcome?.startsWith('confirmed_'));
    if (confirmed?.outcome) add(closed.case, confirmed.outcome, outcomeLabel(closed.outcome, lang));
  }
  // Confirmed, no longer in the data, not closed by anyone: on the ledger until a person closes it.
  for (const unseen of ledger.confirmedUnseen)
    add(unseen.case, unseen.confirmed, t('ledger.dropouts.unseen', lang, { date: unseen.last_seen }));
  return sheet('ledger.sheet.dropouts', cols, rows, lang);
}

/** The columns 已消除 and 已销号 begin a case with. */
const CASE_COLS: readonly Col[] = ['case_id', 'category', 'reasons', 'township', 'school', 'name', 'id_number'];

function closingCells(c: Case, lang: Lang, mask: Masker): Value[] {
  return [
    c.case_id,
    label(CATEGORY_LABELS, c.category, lang),
    reasonsText(c, lang),
    c.township,
    c.school,
    c.person.name,
    mask.id(c.person.id_number),
  ];
}

/** 已消除: open after the previous run, not found tonight. */
function resolvedSheet({ ledger, lang, mask }: LedgerSheetsInput): SheetContent {
  const cols: Col[] = [...CASE_COLS, 'first_seen', 'resolved_on'];
  const rows = ledger.resolved.map((c): Value[] => [...closingCells(c, lang, mask), c.first_seen, c.resolved_on]);
  return sheet('ledger.sheet.resolved', cols, rows, lang);
}

/** 已销号: closed by a person for a stated reason (SPEC §9), the only list a closed case is in. */
function closedSheet({ ledger, lang, mask }: LedgerSheetsInput): SheetContent {
  const cols: Col[] = [...CASE_COLS, 'first_seen', 'closed_on', 'outcome', 'by', 'note'];
  const rows = ledger.closed.map(({ case: c, first_seen, closed_on, outcome, by, note }): Value[] => [
    ...closingCells(c, lang, mask),
    first_seen,
    closed_on,
    outcomeLabel(outcome, lang),
    by,
    note,
  ]);
  return sheet('ledger.sheet.closed', cols, rows, lang);
}

function caseCells(c: Case, state: CaseLedger, lang: Lang, mask: Masker): Value[] {
  return [
    c.case_id,
    t(`ledger.state.${state.state}`, lang),
    state.first_seen,
    state.nights,
    label(CATEGORY_LABELS, c.category, lang),
    reasonsText(c, lang),
    c.township,
    c.school,
    c.person.name,
    mask.id(c.person.id_number),
    genderLabel(c.person.gender, lang),
    c.person.birth_date,
  ];
}

function reasonsText(c: Case, lang: Lang): string {
  return c.reasons.map((reason) => label(REASON_LABELS, reason, lang)).join(listSeparator(lang));
}

function entryText(entry: FollowUpEntry, lang: Lang): string {
  const parts = [
    entry.date,
    t(`ledger.kind.${entry.kind}`, lang),
    entry.method ? methodLabel(entry.method, lang) : '',
    entry.outcome ? outcomeLabel(entry.outcome, lang) : '',
  ];
  return parts.filter(Boolean).join(' ');
}

function outcomeLabel(outcome: string, lang: Lang): string {
  return t(`ledger.outcome.${outcome}` as MessageKey, lang);
}

function methodLabel(method: string, lang: Lang): string {
  return t(`ledger.method.${method}` as MessageKey, lang);
}

function dateCell(value: Value): Value {
  if (typeof value !== 'string') return value;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : value;
}
