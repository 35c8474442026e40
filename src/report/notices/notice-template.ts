import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type Docxtemplater from 'docxtemplater';
import type PizZip from 'pizzip';
import { RollcallError } from '../../domain/index.js';
import { LOOP_ITEM_PLACEHOLDERS, NOTICE_PLACEHOLDERS, TOWNSHIP_PLACEHOLDERS, type NoticeData } from './notice-data.js';

/** A notice template read and checked: a .docx with a `{#notices}…{/notices}` loop. */
export interface NoticeTemplate {
  /** The file, for messages. */
  readonly file: string;
  readonly content: Buffer;
  /** docxtemplater and pizzip, loaded only when notices are asked for (a plain run never loads them). */
  readonly engine: Engine;
}

interface Engine {
  readonly Docxtemplater: typeof Docxtemplater;
  readonly PizZip: typeof PizZip;
}

/** What one township's document is filled with. */
export interface TownshipNotices {
  readonly township: string;
  readonly issuer: string;
  readonly date: string;
  readonly deadline: string;
  readonly count: string;
  readonly notices: readonly NoticeData[];
}

/** The built-in template, in the package (templates/notice.docx, made by scripts/make-notice-template.mjs). */
export function builtInTemplatePath(): string {
  // From src/report/notices (tests) or dist/src/report/notices (the built CLI): up to the package root.
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('rollcall: package root not found above the notice module');
    dir = parent;
  }
  return join(dir, 'templates', 'notice.docx');
}

/**
 * Reads and checks a template before anything is read or written (SPEC §6: a config
 * problem is exit 2 with nothing written): the file exists, is a .docx docxtemplater
 * can parse, has the `{#notices}` loop, and uses only known placeholders (a typo would
 * otherwise print a blank on a notice to a family).
 */
export async function loadNoticeTemplate(file: string | null): Promise<NoticeTemplate> {
  const path = file ?? builtInTemplatePath();
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (error) {
    throw new RollcallError('config', { key: 'notices.template_missing', params: { file: path } }, { cause: error });
  }
  const [{ default: DocxtemplaterClass }, { default: PizZipClass }] = await Promise.all([import('docxtemplater'), import('pizzip')]);
  const template: NoticeTemplate = { file: path, content, engine: { Docxtemplater: DocxtemplaterClass, PizZip: PizZipClass } };
  const { loop, unknown } = checkTags(compile(template).getFullText());
  if (!loop) throw new RollcallError('config', { key: 'notices.template_no_loop', params: { file: path } });
  if (unknown.length > 0) {
    const known = [...Object.keys(NOTICE_PLACEHOLDERS), ...TOWNSHIP_PLACEHOLDERS.filter((name) => !(name in NOTICE_PLACEHOLDERS))];
    throw new RollcallError('config', {
      key: 'notices.template_unknown_tags',
      params: {
        file: path,
        tags: [...new Set(unknown)].map((tag) => `{${tag}}`).join(' '),
        known: known.map((tag) => `{${tag}}`).join(' '),
      },
    });
  }
  return template;
}

/** One township's notices as a .docx: the template's loop once per notice. */
export function renderNotices(template: NoticeTemplate, data: TownshipNotices): Buffer {
  const doc = compile(template);
  // Every value is text: docxtemplater escapes < & > " ' (a name is never markup).
  doc.render(data);
  return doc.toBuffer({ compression: 'DEFLATE' });
}

function compile(template: NoticeTemplate): Docxtemplater {
  const { Docxtemplater, PizZip } = template.engine;
  let zip: PizZip;
  try {
    zip = new PizZip(template.content);
  } catch (error) {
    throw new RollcallError(
      'config',
      { key: 'notices.template_unreadable', params: { file: template.file, detail: describe(error) } },
      { cause: error },
    );
  }
  try {
    return new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      stripInvalidXMLChars: true,
      nullGetter: () => '',
      // The error reaches the clerk as one message (exit 2), not as JSON on the console.
      errorLogging: false,
    });
  } catch (error) {
    // A .docx without word/document.xml, or tags docxtemplater cannot pair.
    const key = (error as { properties?: { errors?: unknown[] } }).properties?.errors
      ? 'notices.template_syntax'
      : 'notices.template_unreadable';
    throw new RollcallError('config', { key, params: { file: template.file, detail: describe(error) } }, { cause: error });
  }
}

const NOTICE_NAMES: ReadonlySet<string> = new Set([...Object.keys(NOTICE_PLACEHOLDERS), ...TOWNSHIP_PLACEHOLDERS]);
const TOWNSHIP_NAMES: ReadonlySet<string> = new Set<string>([...TOWNSHIP_PLACEHOLDERS, 'notices']);

/**
 * The tags of a template's text (docxtemplater has put the runs together), by where
 * they stand: outside `{#notices}` the township's names, inside it a notice's, inside
 * its loops the loop item's (a name of the notice still resolves there).
 */
function checkTags(text: string): { loop: boolean; unknown: string[] } {
  const unknown: string[] = [];
  const open: string[] = [];
  let loop = false;
  for (const match of text.matchAll(/\{([#^/]?)\s*([^{}]*?)\s*\}/g)) {
    const [, sigil, name = ''] = match;
    if (sigil === '/') {
      open.pop();
      continue;
    }
    const inNotices = open.includes('notices');
    const loopItem = open.findLast((section) => section in LOOP_ITEM_PLACEHOLDERS) as keyof typeof LOOP_ITEM_PLACEHOLDERS | undefined;
    const known =
      (loopItem !== undefined && (LOOP_ITEM_PLACEHOLDERS[loopItem] as readonly string[]).includes(name)) ||
      (inNotices ? NOTICE_NAMES : TOWNSHIP_NAMES).has(name);
    if (!known) unknown.push(name);
    if (sigil === '#' || sigil === '^') {
      if (name === 'notices') loop = true;
      open.push(name);
    }
  }
  return { loop, unknown };
}

/** docxtemplater's errors (a tag left open, a loop not closed) carry a list of what is wrong. */
function describe(error: unknown): string {
  const errors = (error as { properties?: { errors?: { properties?: { explanation?: string } }[] } }).properties?.errors;
  if (errors && errors.length > 0)
    return errors
      .map((e) => e.properties?.explanation ?? '')
      .filter(Boolean)
      .join('; ');
  return error instanceof Error ? error.message : String(error);
}
