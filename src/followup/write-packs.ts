import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { isOpenState, type Case, type CaseLedger, type FollowUpEntry } from '../domain/index.js';
import { t, type Lang, type MessageKey } from '../i18n/index.js';
import {
  CATEGORY_LABELS,
  differenceCells,
  FLAG_LABELS,
  genderLabel,
  guardiansCell,
  label,
  listSeparator,
  masker,
  type Masker,
  priorityOrder,
  REASON_LABELS,
  rowHeight,
  styleNumber,
  writeStreamingWorkbook,
  type StreamingWorkbook,
  writeRawRows,
  type RawLayout,
} from '../report/index.js';
import { EARLIEST_DATE } from './check-entry.js';
import { packFileNames } from './pack-names.js';
import { IDENTITY_SHEET, identityRows, type PackIdentity } from './pack-identity.js';
import { fillHeader, listValues, valueLabel, type FillField } from './vocabulary.js';

// SPEC §9 packs: one workbook per township and per school with its open cases in
// one sheet 待跟进, in the clerks' priority order, the case's history so far, and
// the columns to fill in with drop-down lists. exceljs's streaming writer writes
// the sheet (title, header, drop-downs, protection, the hidden identity sheet);
// the cases' rows, about ten thousand a night at county scale in each of the two
// sets of packs, go in as raw rows with exceljs's style numbers (report/raw-rows.ts).

export interface PackInput {
  /** Tonight's cases (closed ones included: they are left out here). */
  readonly cases: readonly Case[];
  /** The ledger's state of tonight's cases (by case_id). */
  readonly states: ReadonlyMap<string, CaseLedger>;
  readonly ledgerId: string;
  /** YYYY-MM-DD */
  readonly asOf: string;
  readonly lang: Lang;
  readonly maskIds: boolean;
}

type PackCell = string | number | Date | null;

/** Rows a pack's fill-in columns keep their lists for, below the cases. */
const TITLE_ROW = 1;
const HEADER_ROW = 2;
const GREY = 'FFEDEDED';
/** A case's row on paper: two lines of handwriting at least. */
const PACK_ROW_HEIGHT = 34;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const GREY_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: GREY } };
const TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
const MIDDLE: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle' };
/** The styles of a pack's cells (shared objects, never changed after: see fillPack). */
const STYLES = {
  infoHeader: { font: { bold: true }, alignment: MIDDLE, fill: GREY_FILL, border: THIN },
  fillHeader: { font: { bold: true }, alignment: MIDDLE, border: THIN },
  info: { alignment: TOP, fill: GREY_FILL, border: THIN },
  infoText: { alignment: TOP, fill: GREY_FILL, border: THIN, numFmt: '@' },
  infoDate: { alignment: TOP, fill: GREY_FILL, border: THIN, numFmt: 'yyyy-mm-dd' },
  fill: { alignment: TOP, border: THIN, protection: { locked: false } },
  fillDate: { alignment: TOP, border: THIN, protection: { locked: false }, numFmt: 'yyyy-mm-dd' },
} satisfies Record<string, Partial<ExcelJS.Style>>;

type InfoColumn =
  | 'case_id'
  | 'state'
  | 'category'
  | 'reasons'
  | 'township'
  | 'village'
  | 'school'
  | 'grade'
  | 'class'
  | 'name'
  | 'gender'
  | 'birth_date'
  | 'id_number'
  | 'suggested_id'
  | 'registry_values'
  | 'household_values'
  | 'guardians'
  | 'household_no'
  | 'flags'
  | 'first_seen'
  | 'nights'
  | 'last_date'
  | 'last_kind'
  | 'last_outcome';
const INFO_COLUMNS: readonly InfoColumn[] = [
  'case_id',
  'state',
  'category',
  'reasons',
  'township',
  'village',
  'school',
  'grade',
  'class',
  'name',
  'gender',
  'birth_date',
  'id_number',
  'suggested_id',
  'registry_values',
  'household_values',
  'guardians',
  'household_no',
  'flags',
  'first_seen',
  'nights',
  'last_date',
  'last_kind',
  'last_outcome',
];
const FILL_COLUMNS: readonly Exclude<FillField, 'case_id'>[] = ['date', 'kind', 'method', 'outcome', 'note', 'by'];
const WIDTHS: Partial<Record<InfoColumn | FillField, number>> = {
  case_id: 18,
  reasons: 20,
  school: 16,
  id_number: 19,
  suggested_id: 19,
  registry_values: 16,
  household_values: 16,
  guardians: 16,
  household_no: 12,
  flags: 12,
  last_outcome: 12,
  date: 12,
  kind: 10,
  method: 14,
  outcome: 14,
  note: 28,
  by: 10,
  birth_date: 11,
  grade: 6,
  class: 6,
  first_seen: 11,
  last_date: 11,
};

/** Packs written at once: while one waits for its file and zlib, the next is built. */
const PACKS_AT_ONCE = 4;

/** Writes packs/乡镇/*.xlsx and packs/学校/*.xlsx into `dir` (the report's temporary folder); returns their paths. */
export async function writePacks(dir: string, input: PackInput): Promise<string[]> {
  const open = input.cases.filter((c) => isOpenState(input.states.get(c.case_id)?.state));
  const ordered = priorityOrder(open).map((i) => open[i]!);
  // A case is in its township's pack and in its school's: its cells are made once.
  const mask = masker(input.maskIds);
  const cells = new Map(
    ordered.map((c) => [c, [...infoCells(c, input.states.get(c.case_id)!, input, mask), ...FILL_COLUMNS.map(() => null)]]),
  );
  const packs: { path: string; cases: Case[]; identity: PackIdentity; title: string }[] = [];
  for (const unit of ['township', 'school'] as const) {
    const folder = unit === 'township' ? '乡镇' : '学校';
    const unnamed = t(unit === 'township' ? 'followup.pack.unnamed_township' : 'followup.pack.unnamed_school', input.lang);
    const groups = new Map<string, Case[]>();
    for (const c of ordered) {
      const name = c[unit].trim();
      const group = groups.get(name);
      if (group) group.push(c);
      else groups.set(name, [c]);
    }
    if (groups.size === 0) continue;
    // Not recursive: a report folder removed meanwhile (a signal) must not be made again here.
    for (const path of [join(dir, 'packs'), join(dir, 'packs', folder)]) await mkdir(path, { mode: 0o700 }).catch(existing);
    const collator = new Intl.Collator('zh-Hans-CN');
    const names = [...groups.keys()].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    const fileNames = packFileNames(names, unnamed);
    for (const name of names) {
      const path = join('packs', folder, `${fileNames.get(name)!}.xlsx`);
      packs.push({
        path,
        cases: groups.get(name)!,
        identity: { ledgerId: input.ledgerId, asOf: input.asOf, unit, name },
        title: name || unnamed,
      });
    }
  }
  // Streamed (the document model cost 6.5 s for a county's 72 packs on the main thread).
  const created = new Date(`${input.asOf}T00:00:00Z`);
  const writePack = ({ path, cases, identity, title }: (typeof packs)[number]) =>
    writeStreamingWorkbook(join(dir, path), created, (workbook) => fillPack(workbook, cases, cells, identity, title, input));
  await inPool(packs, PACKS_AT_ONCE, writePack);
  return packs.map((pack) => pack.path);
}

function isEmptyCell(cell: PackCell | undefined): boolean {
  return cell === null || cell === undefined || cell === '';
}

/** A folder that is already there is fine; any other failure is not. */
function existing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EEXIST') throw error;
}

/** Runs `work` on every item, `size` at a time; every started one has ended before the first error is thrown. */
async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const lane = async () => {
    while (next < items.length && errors.length === 0) {
      const item = items[next++]!;
      await work(item).catch((error: unknown) => errors.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
  if (errors.length > 0) throw errors[0];
}

async function fillPack(
  workbook: StreamingWorkbook,
  cases: readonly Case[],
  cells: ReadonlyMap<Case, PackCell[]>,
  identity: PackIdentity,
  title: string,
  input: PackInput,
): Promise<void> {
  const { lang } = input;
  const columnCount = INFO_COLUMNS.length + FILL_COLUMNS.length;
  const sheet = workbook.addWorksheet(t('followup.sheet.pending', lang), {
    views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }],
    // SPEC §7's printing rules: landscape, one page wide, the header on every page.
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.3, right: 0.3, top: 0.4, bottom: 0.4, header: 0.2, footer: 0.2 },
    },
    headerFooter: { oddFooter: '&C&P / &N' },
  });
  // A grey column empty on every row of this pack (班级 the registry leaves out, 建议身份证号 in a pack with
  // no wrong ID, the last follow-up on a first night …) is hidden: one page wide, the rest prints larger.
  // It is still there (unhide it); an import finds columns by their header, hidden or not.
  const empty = INFO_COLUMNS.map((_, i) => cases.every((c) => isEmptyCell(cells.get(c)![i])));
  sheet.columns = [...INFO_COLUMNS, ...FILL_COLUMNS].map((column, i) => ({ width: WIDTHS[column] ?? 8, hidden: empty[i] === true }));

  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, columnCount);
  const titleCell = sheet.getCell(TITLE_ROW, 1);
  titleCell.value = t('followup.pack.title', lang, { unit: title, as_of: input.asOf, count: cases.length });
  titleCell.font = { bold: true, size: 12 };
  titleCell.alignment = { wrapText: true, vertical: 'middle' };
  sheet.getRow(TITLE_ROW).height = 32;

  // Grey, locked: what rollcall wrote. White, unlocked: what the township fills in.
  // A handful of style objects shared by every cell: exceljs recognises a style it has
  // seen by the object itself, so a pack of 10,000 rows costs a few styles, not 300,000.
  const header = sheet.getRow(HEADER_ROW);
  header.values = [...INFO_COLUMNS.map((column) => infoHeader(column, lang)), ...FILL_COLUMNS.map((field) => fillHeader(field, lang))];
  header.height = 30;
  for (let col = 1; col <= columnCount; col++)
    header.getCell(col).style = col > INFO_COLUMNS.length ? STYLES.fillHeader : STYLES.infoHeader;
  header.commit();
  // The cases' rows go straight into the sheet's XML in the same shared styles (report/raw-rows.ts):
  // a county's packs hold tens of thousands of rows a night, exceljs's cell objects cost seconds.
  const textColumns = new Set<InfoColumn>(['case_id', 'id_number', 'suggested_id', 'household_no']);
  const widths = [...INFO_COLUMNS, ...FILL_COLUMNS].map((column) => WIDTHS[column] ?? 8);
  const layout: RawLayout = {
    styles: [
      ...INFO_COLUMNS.map((column) => styleNumber(workbook, textColumns.has(column) ? STYLES.infoText : STYLES.info, 'text')),
      ...FILL_COLUMNS.map((field) =>
        field === 'date' ? styleNumber(workbook, STYLES.fillDate, 'date') : styleNumber(workbook, STYLES.fill, 'text'),
      ),
    ],
    dateStyles: [
      ...INFO_COLUMNS.map(() => styleNumber(workbook, STYLES.infoDate, 'date')),
      ...FILL_COLUMNS.map(() => styleNumber(workbook, STYLES.fillDate, 'date')),
    ],
    // Room to write by hand on a printed pack, and every line of a wrapped cell.
    height: (cells) => {
      // A case is in two packs (its township's, its school's) with the same cells: measured once.
      let height = heights.get(cells);
      if (height === undefined) {
        height = Math.max(PACK_ROW_HEIGHT, rowHeight(cells, widths, () => true) ?? 0);
        heights.set(cells, height);
      }
      return height;
    },
  };
  const rows = cases.map((c) => ({ cells: cells.get(c)! }));
  writeRawRows(sheet, rows, layout);
  const lastRow = HEADER_ROW + cases.length;
  if (cases.length > 0) addValidations(sheet, lastRow, lang);
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: columnCount } };
  // Without a password: it guards the key column against a slip, not against a person who means to change it.
  // Sorting, filtering, hiding and resizing columns stay allowed (what clerks do with a list).
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    sort: true,
    autoFilter: true,
  });

  sheet.commit();
  const hidden = workbook.addWorksheet(IDENTITY_SHEET, { state: 'hidden' });
  for (const [key, value] of identityRows(identity)) hidden.addRow([key, value]).commit();
  hidden.commit();
}

/** Row heights by a case's cells (the same array in both of its packs). */
const heights = new WeakMap<readonly PackCell[], number>();

function columnOf(field: Exclude<FillField, 'case_id'>): number {
  return INFO_COLUMNS.length + FILL_COLUMNS.indexOf(field) + 1;
}

/** exceljs has sheet.dataValidations (a range per list) but leaves it out of its types. */
type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function addValidations(worksheet: ExcelJS.Worksheet, lastRow: number, lang: Lang): void {
  const sheet = worksheet as WithValidations;
  const range = (field: Exclude<FillField, 'case_id'>) => {
    const letter = sheet.getColumn(columnOf(field)).letter;
    return `${letter}${HEADER_ROW + 1}:${letter}${lastRow}`;
  };
  for (const vocabulary of ['kind', 'method', 'outcome'] as const) {
    sheet.dataValidations.add(range(vocabulary), {
      type: 'list',
      allowBlank: true,
      formulae: [`"${listValues(vocabulary, lang).join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: t('followup.validation.title', lang),
      error: t('followup.validation.error', lang),
    });
  }
  sheet.dataValidations.add(range('date'), {
    type: 'date',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    // The import's own rule (check-entry.ts): the pack refuses what the import would.
    formulae: [new Date(`${EARLIEST_DATE}T00:00:00Z`)],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: t('followup.validation.date_title', lang),
    error: t('followup.validation.date', lang, { earliest: EARLIEST_DATE }),
    showInputMessage: true,
    promptTitle: t('followup.validation.date_title', lang),
    prompt: t('followup.validation.date', lang, { earliest: EARLIEST_DATE }),
  });
}

/** Columns the ledger's sheets already name keep their names; the pack's own come from followup.col.*. */
const OWN_HEADERS: ReadonlySet<InfoColumn> = new Set<InfoColumn>([
  'suggested_id',
  'registry_values',
  'household_values',
  'guardians',
  'household_no',
  'class',
  'last_date',
  'last_kind',
  'last_outcome',
  'nights',
]);

function infoHeader(column: InfoColumn, lang: Lang): string {
  return t(`${OWN_HEADERS.has(column) ? 'followup' : 'ledger'}.col.${column}` as MessageKey, lang);
}

function infoCells(c: Case, state: CaseLedger, input: PackInput, mask: Masker): PackCell[] {
  const { lang } = input;
  const guardians = c.guardians;
  const last: FollowUpEntry | null = state.follow_up.last;
  const cells: Record<InfoColumn, PackCell> = {
    case_id: c.case_id,
    state: t(`ledger.state.${state.state}`, lang),
    category: label(CATEGORY_LABELS, c.category, lang),
    reasons: c.reasons.map((reason) => label(REASON_LABELS, reason, lang)).join(listSeparator(lang)),
    township: c.township,
    village: c.village || guardians.village,
    school: c.school,
    grade: c.grade,
    class: c.class,
    name: c.person.name,
    gender: genderLabel(c.person.gender, lang),
    birth_date: dateCell(c.person.birth_date),
    id_number: mask.id(c.person.id_number),
    ...differenceCells(c, lang, mask),
    guardians: guardiansCell(guardians, lang),
    household_no: guardians.household_no || c.household_no,
    flags: c.flags.map((flag) => label(FLAG_LABELS, flag, lang)).join(listSeparator(lang)),
    first_seen: dateCell(state.first_seen),
    nights: state.nights,
    last_date: last ? dateCell(last.date) : null,
    last_kind: last ? valueLabel('kind', last.kind, lang) : '',
    last_outcome: last?.outcome ? valueLabel('outcome', last.outcome, lang) : '',
  };
  return INFO_COLUMNS.map((column) => cells[column]);
}

function dateCell(text: string | null): Date | string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : text;
}
