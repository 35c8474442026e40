import { CATALOGUE, type MessageKey } from './catalogue.js';

// One message catalogue (STYLE 19, SPEC §6): every text a person reads has a key,
// with 中文 and English side by side. Code refers to keys; only the edges (cli/,
// report/) turn a key into text in the language of the run.

export type Lang = 'zh' | 'en';

/** One message in both languages; `{name}` marks a parameter. */
export interface Text {
  readonly zh: string;
  readonly en: string;
}

/** A parameter: a value, or a text that is itself in both languages (a list of problems, a zod detail). */
export type Params = Readonly<Record<string, string | number | Text>>;

/** A message not yet rendered: its key and parameters (errors carry one of these). */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Params;
}

export type { MessageKey } from './catalogue.js';
export { CATALOGUE } from './catalogue.js';

/** The message `key` in `lang`, parameters filled in. */
export function t(key: MessageKey, lang: Lang, params: Params = {}): string {
  return fill(CATALOGUE[key][lang], params, lang);
}

/** Fills `{name}` placeholders; numbers are written with thousands separators, texts in `lang`. */
export function fill(template: string, params: Params, lang: Lang = 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return value.toLocaleString('en-US');
    return typeof value === 'string' ? value : value[lang];
  });
}

/** Items named in a sentence: 甲、乙、丙 in 中文, "a, b, c" in English. */
export function listed(items: readonly (string | number)[], lang: Lang): string {
  return items.join(lang === 'zh' ? '、' : ', ');
}

/** The same in both languages (a parameter of a message); items may differ by language. */
export function listedBoth(items: readonly (string | number | Text)[]): Text {
  const each = (lang: Lang) => items.map((item) => (typeof item === 'object' ? item[lang] : item));
  return { zh: listed(each('zh'), 'zh'), en: listed(each('en'), 'en') };
}

/** The message `key` in both languages: a parameter of another message. */
export function both(key: MessageKey, params: Params = {}): Text {
  return { zh: t(key, 'zh', params), en: t(key, 'en', params) };
}

/** The placeholders a template uses (the catalogue test checks both languages use the same). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}
