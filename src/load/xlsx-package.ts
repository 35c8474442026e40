import { RollcallError } from '../domain/index.js';
import { detach } from '../normalize/index.js';
import { isDateFormat } from './xlsx-dates.js';
import { attributeMap, decodeEntities, decodeOoxmlEscapes, XmlFormatError, XmlScanner, type XmlHandler } from './xlsx-xml.js';
import type { WorkbookZip } from './xlsx-zip.js';

/** One sheet of the workbook, in tab order. */
export interface SheetEntry {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** Only worksheets hold cells; chart sheets, dialog and macro sheets do not. */
  readonly kind: 'worksheet' | 'chartsheet' | 'other';
  /** The sheet's part in the zip, or null when the relationship leads nowhere. */
  readonly part: string | null;
}

/** What the workbook part and its relationships say. */
export interface WorkbookPackage {
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  readonly sharedStringsPart: string | null;
  readonly stylesPart: string | null;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/**
 * Follows the package's relationships as OPC says (ECMA-376 part 2):
 * `_rels/.rels` names the workbook part, the workbook's own rels name its sheets,
 * shared strings and styles. Targets are relative to the part (`worksheets/sheet1.xml`)
 * or absolute (`/xl/worksheets/sheet1.xml`, as openpyxl writes them).
 */
export async function readWorkbookPackage(zip: WorkbookZip): Promise<WorkbookPackage> {
  const rootRels = zip.has('_rels/.rels') ? await readRelationships(zip, '_rels/.rels', '') : new Map<string, Relationship>();
  const officeDocument = [...rootRels.values()].find((rel) => rel.type.endsWith('/officeDocument'));
  const workbookPart = officeDocument?.target ?? (zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : null);
  if (!workbookPart || !zip.has(workbookPart)) throw notAWorkbook(zip.file);

  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const relsPart = `${folder}_rels/${workbookPart.slice(folder.length)}.rels`;
  const rels = zip.has(relsPart) ? await readRelationships(zip, relsPart, folder) : new Map<string, Relationship>();
  const { sheets, date1904 } = parseWorkbook(await zip.readText(workbookPart), rels, zip);
  const partOfType = (type: string) => {
    const rel = [...rels.values()].find((candidate) => candidate.type.endsWith(type));
    return rel && zip.has(rel.target) ? rel.target : null;
  };
  return { sheets, date1904, sharedStringsPart: partOfType('/sharedStrings'), stylesPart: partOfType('/styles') };
}

function notAWorkbook(file: string): RollcallError {
  return new RollcallError('file_format', { key: 'xlsx.not_workbook', params: { file } });
}

async function readRelationships(zip: WorkbookZip, part: string, folder: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  parseSmallPart(zip.file, await zip.readText(part), (name, source, from, to) => {
    if (name !== 'Relationship') return;
    const attributes = attributeMap(source, from, to);
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (!id || !target || attributes.get('TargetMode') === 'External') return;
    rels.set(id, { type: attributes.get('Type') ?? '', target: resolveTarget(folder, target) });
  });
  return rels;
}

/** A relationship target as a part name: relative to the source's folder, or absolute from the package root. */
export function resolveTarget(folder: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a stray "%" is part of the name
  }
  const path = decoded.replace(/\\/g, '/');
  const segments = (path.startsWith('/') ? path : folder + path).split('/');
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') resolved.pop();
    else resolved.push(segment);
  }
  return resolved.join('/');
}

function parseWorkbook(
  xml: string,
  rels: ReadonlyMap<string, Relationship>,
  zip: WorkbookZip,
): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseSmallPart(zip.file, xml, (name, source, from, to) => {
    if (name === 'workbookPr') {
      const value = attributeMap(source, from, to).get('date1904');
      date1904 = value === '1' || value === 'true';
    } else if (name === 'sheet') {
      const attributes = attributeMap(source, from, to);
      const rel = rels.get(attributes.get('id') ?? '');
      const state = attributes.get('state');
      const type = rel?.type ?? '';
      sheets.push({
        name: attributes.get('name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        kind: type.endsWith('/worksheet') ? 'worksheet' : type.endsWith('/chartsheet') ? 'chartsheet' : 'other',
        part: rel && zip.has(rel.target) ? rel.target : null,
      });
    }
  });
  return { sheets, date1904 };
}

/**
 * For each cell style (`s` of a cell, an index into cellXfs), whether its number
 * format shows a date: custom formats by their code, built-in ones by their id.
 */
export async function readDateStyles(zip: WorkbookZip, part: string | null): Promise<Uint8Array> {
  if (!part) return new Uint8Array(0);
  const codes = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  parseSmallPart(
    zip.file,
    await zip.readText(part),
    (name, source, from, to, selfClosing) => {
      if (name === 'numFmt') {
        const attributes = attributeMap(source, from, to);
        const id = Number(attributes.get('numFmtId'));
        const code = attributes.get('formatCode');
        if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
      } else if (name === 'cellXfs') {
        inCellXfs = !selfClosing;
      } else if (name === 'xf' && inCellXfs) {
        xfFormats.push(Number(attributeMap(source, from, to).get('numFmtId') ?? 0));
      }
    },
    (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  );
  return Uint8Array.from(xfFormats, (id) => (isDateFormat(id, codes.get(id)) ? 1 : 0));
}

/**
 * The shared strings, in order. A rich-text string is the text of all its runs;
 * phonetic runs (<rPh>, the furigana/pinyin guide) are not part of the text.
 */
export async function readSharedStrings(zip: WorkbookZip, part: string | null, onBytes: (bytes: number) => void): Promise<string[]> {
  if (!part) return [];
  const strings: string[] = [];
  let current = '';
  let inItem = false;
  let phonetic = 0;
  let ended = false;
  const scanner: XmlScanner = new XmlScanner(
    {
      open(name, _source, _from, _to, selfClosing) {
        if (selfClosing) {
          if (name === 'si') strings.push('');
          return;
        }
        if (name === 'si') {
          inItem = true;
          current = '';
        } else if (name === 'rPh') phonetic++;
        else if (name === 't' && inItem && phonetic === 0) scanner.captureText = true;
      },
      close(name) {
        if (name === 't') scanner.captureText = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si') {
          // A copy: a slice of the part's text would keep the whole chunk of XML it came from.
          strings.push(detach(decodeOoxmlEscapes(current)));
          inItem = false;
        } else if (name === 'sst') ended = true;
      },
      text(source, from, to, cdata) {
        const text = source.slice(from, to);
        current += cdata ? text : decodeEntities(text);
      },
    },
    false,
  );
  await scanPart(zip, part, scanner, onBytes);
  if (!ended) throw new RollcallError('file_format', { key: 'xlsx.ends_early', params: { file: zip.file } });
  return strings;
}

/** Feeds a part to a scanner chunk by chunk; malformed XML is a damaged workbook. */
export async function scanPart(zip: WorkbookZip, part: string, scanner: XmlScanner, onBytes?: (bytes: number) => void): Promise<void> {
  try {
    for await (const chunk of zip.streamText(part, onBytes)) scanner.push(chunk);
  } catch (error) {
    if (error instanceof XmlFormatError) {
      throw new RollcallError('file_format', { key: 'xlsx.damaged', params: { file: zip.file, detail: `${part}: ${error.message}` } });
    }
    throw error;
  }
}

function parseSmallPart(file: string, xml: string, open: XmlHandler['open'], close: XmlHandler['close'] = () => undefined): void {
  const scanner = new XmlScanner({ open, close, text: () => undefined });
  try {
    scanner.push(xml);
  } catch (error) {
    throw new RollcallError('file_format', { key: 'xlsx.damaged', params: { file, detail: (error as Error).message } });
  }
}
