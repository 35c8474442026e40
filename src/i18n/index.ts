import { CATALOGUE, type MessageKey } from './catalogue.js';

// One message catalogue (STYLE 19, SPEC §6): every text a person reads has a key,
// with 中文 and English side by side. Code refers to keys; only the edges (cli/,
// report/) turn a key into text in the language of the run.

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** One message in both languages; `{name}` marks a parameter. */
export interface Text {
  readonly zh: string;
  readonly en: string;
}

export type Params = Readonly<Record<string, string | number>>;

/** A message not yet rendered: its key and parameters (errors carry one of these). */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Params;
}

export type { MessageKey } from './catalogue.js';
export { CATALOGUE } from './catalogue.js';

/** The message `key` in `lang`, parameters filled in. */
export function t(key: MessageKey, lang: Lang, params: Params = {}): string {
  return fill(CATALOGUE[key][lang], params);
}

/** Fills `{name}` placeholders; numbers are written with thousands separators. */
export function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString('en-US') : value;
  });
}

/** The placeholders a template uses (the catalogue test checks both languages use the same). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}
