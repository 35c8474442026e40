import { RollcallError } from '../domain/index.js';
import { both } from '../i18n/index.js';
import { isBlankRow } from './record-builder.js';
import { MAX_PREAMBLE_ROWS, type Cell, type ProgressCallback, type ReaderCounts, type RowSink } from './rows.js';
import { readDateStyles, readSharedStrings, readWorkbookPackage, scanPart, type SheetEntry } from './xlsx-package.js';
import { SheetProblem, SheetScanner, type SheetContext } from './xlsx-sheet.js';
import { XmlFormatError } from './xlsx-xml.js';
import { WorkbookZip } from './xlsx-zip.js';

/**
 * Streams one worksheet of an .xlsx workbook into `sink`: the configured sheet,
 * else the first visible worksheet in tab order. Only the shared strings and one
 * row are held in memory; nothing is written to disk. Date-formatted cells arrive
 * as Dates at UTC midnight, other numbers as numbers, formulas as their saved value.
 * `source` names the config key a message points at (sources.<source>.sheet).
 */
export async function readXlsxRows(
  file: string,
  sheetName: string | null,
  sink: RowSink,
  onProgress?: ProgressCallback,
  source = '<source>',
): Promise<void> {
  const zip = await WorkbookZip.open(file);
  try {
    const pkg = await readWorkbookPackage(zip);
    const sheet = chooseSheet(file, pkg.sheets, sheetName, source);
    const dateStyles = await readDateStyles(zip, pkg.stylesPart);
    let done = 0;
    const progress = (bytes: number) => onProgress?.(Math.min(zip.size, done + bytes), zip.size);
    const sharedStrings = await readSharedStrings(zip, pkg.sharedStringsPart, progress);
    done = sharedStringsBytes(pkg.sharedStringsPart, zip);

    const counts: ReaderCounts = { formulasWithoutValue: 0, formulasByColumn: [] };
    const scanner = new SheetScanner({ sharedStrings, dateStyles, date1904: pkg.date1904, row: (cells, row) => sink.row(cells, row) });
    sink.start({ encoding: null, sheet: sheet.name, expectFieldCount: () => undefined, counts });
    try {
      await scanPart(zip, sheet.part, scanner.scanner, progress);
      // The sheet's XML must reach </sheetData>: a part that stops before it was cut short.
      if (!scanner.ended || !scanner.scanner.end()) throw new RollcallError('file_format', { key: 'xlsx.ends_early', params: { file } });
      sink.mergedRanges?.(scanner.mergedRanges);
      sink.end?.();
    } catch (error) {
      if (error instanceof SheetProblem) throw sheetProblem(file, sheet.name, error);
      throw withOtherSheets(error, file, sheet.name, pkg.sheets, source);
    } finally {
      counts.formulasWithoutValue = scanner.formulasWithoutValue;
      counts.formulasByColumn = scanner.formulasByColumn;
    }
    // A sheet chosen by the config is the clerk's choice; the first visible one may be one part of several.
    if (sheetName === null && sink.sameHeader) {
      const context = { sharedStrings, dateStyles, date1904: pkg.date1904 };
      const same: string[] = [];
      for (const other of pkg.sheets) {
        if (other.name === sheet.name || other.state !== 'visible' || other.kind !== 'worksheet' || other.part === null) continue;
        if (await hasSameHeader(zip, other.part, context, (cells) => sink.sameHeader!(cells))) same.push(other.name);
      }
      if (same.length > 0) {
        throw new RollcallError('file_format', {
          key: 'xlsx.split_sheets',
          params: {
            file,
            sheet: sheet.name,
            sheets: [sheet.name, ...same].map((name) => `"${name}"`).join(', '),
            setting: sheetSetting(source),
          },
        });
      }
    }
    onProgress?.(zip.size, zip.size);
  } finally {
    zip.close();
  }
}

/**
 * Whether another sheet holds more rows under the same header (a register split by
 * school level, 小学 / 初中): its header is looked for in its first rows, as in the
 * sheet read, and one row with a cell below it settles it. Only the top of the
 * sheet is inflated; a sheet that cannot be scanned is not one of them.
 */
async function hasSameHeader(
  zip: WorkbookZip,
  part: string,
  context: Omit<SheetContext, 'row'>,
  sameHeader: (cells: readonly Cell[]) => boolean,
): Promise<boolean> {
  let rows = 0;
  let header = false;
  let found: boolean | null = null;
  const scanner = new SheetScanner({
    ...context,
    row: (cells) => {
      if (found !== null) return;
      if (header) {
        if (!isBlankRow(cells)) found = true;
      } else if (sameHeader(cells)) header = true;
      else if (++rows >= MAX_PREAMBLE_ROWS) found = false;
    },
  });
  try {
    for await (const chunk of zip.streamText(part)) {
      scanner.scanner.push(chunk);
      if (found !== null) break;
    }
  } catch (error) {
    if (error instanceof SheetProblem || error instanceof XmlFormatError) return false;
    throw error;
  }
  return found === true;
}

function sharedStringsBytes(part: string | null, zip: WorkbookZip): number {
  return part ? zip.compressedSize(part) : 0;
}

/**
 * The sheet to read: the one named in the config (exactly, else ignoring case and
 * outer spaces, as Excel compares sheet names), else the first visible worksheet
 * in tab order: hidden sheets (填表说明) and chart sheets are skipped.
 */
function chooseSheet(file: string, sheets: readonly SheetEntry[], wanted: string | null, source: string): SheetEntry & { part: string } {
  const setting = sheetSetting(source);
  const lists = sheetLists(sheets);
  if (wanted !== null) {
    const fold = (name: string) => name.trim().toLowerCase();
    const sheet = sheets.find((entry) => entry.name === wanted) ?? sheets.find((entry) => fold(entry.name) === fold(wanted));
    if (!sheet) {
      throw new RollcallError('file_format', { key: 'xlsx.sheet_not_found', params: { file, sheet: wanted, ...lists, setting } });
    }
    if (sheet.kind !== 'worksheet') {
      throw new RollcallError('file_format', { key: 'xlsx.sheet_not_worksheet', params: { file, sheet: sheet.name, ...lists, setting } });
    }
    if (sheet.part === null) throw missingPart(file, sheet);
    return { ...sheet, part: sheet.part };
  }
  const sheet = sheets.find((entry) => entry.state === 'visible' && entry.kind === 'worksheet');
  if (!sheet) throw new RollcallError('file_format', { key: 'xlsx.no_visible_sheet', params: { file, ...lists, setting } });
  if (sheet.part === null) throw missingPart(file, sheet);
  return { ...sheet, part: sheet.part };
}

function sheetSetting(source: string): string {
  return `"sources": { "${source}": { "sheet": "…" } }`;
}

function missingPart(file: string, sheet: SheetEntry): RollcallError {
  return new RollcallError('file_format', { key: 'xlsx.damaged', params: { file, detail: `sheet "${sheet.name}" has no data part` } });
}

/**
 * The sheets as a clerk sees the tabs (`sheets`), and those she does not see or
 * that hold no cells (`others`: hidden and chart sheets). Names only, so one list
 * serves both languages.
 */
function sheetLists(sheets: readonly SheetEntry[]): { sheets: string; others: string } {
  const join = (entries: readonly SheetEntry[]) => entries.map((sheet) => `"${sheet.name}"`).join(', ') || '—';
  const readable = (sheet: SheetEntry) => sheet.state === 'visible' && sheet.kind === 'worksheet';
  return { sheets: join(sheets.filter(readable)), others: join(sheets.filter((sheet) => !readable(sheet))) };
}

/**
 * A header the sheet does not have may be on another sheet (a visible 填表说明 before
 * the data): the message then also says which sheet was read, what others there are,
 * and the setting that picks one.
 */
function withOtherSheets(error: unknown, _file: string, sheet: string, sheets: readonly SheetEntry[], source: string): unknown {
  if (!(error instanceof RollcallError) || error.code !== 'schema') return error;
  if (error.text?.key === 'schema.duplicate_header') return error; // the header is here, twice
  const others = sheets.filter((entry) => entry.kind === 'worksheet' && entry.name !== sheet);
  if (others.length === 0) return error;
  return new RollcallError(
    'schema',
    {
      key: 'xlsx.header_not_in_sheet',
      // The error's own catalogue message, so that it is said in the run's language too.
      params: {
        detail: error.text ? both(error.text.key, error.text.params) : error.message,
        sheet,
        others: others.map((entry) => `"${entry.name}"`).join(', '),
        setting: sheetSetting(source),
      },
    },
    { cause: error },
  );
}

function sheetProblem(file: string, sheet: string, problem: SheetProblem): RollcallError {
  const params = { file, sheet, row: problem.row, value: problem.value };
  const key = {
    row_out_of_range: 'xlsx.row_out_of_range',
    column_out_of_range: 'xlsx.column_out_of_range',
    row_out_of_order: 'xlsx.row_out_of_order',
    shared_string_missing: 'xlsx.shared_string_missing',
  } as const;
  return new RollcallError('file_format', { key: key[problem.kind], params });
}
