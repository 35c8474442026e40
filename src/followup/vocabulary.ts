import { ENTRY_KINDS, ENTRY_METHODS, OUTCOMES, type EntryKind, type EntryMethod, type Outcome } from '../domain/index.js';
import { t, type Lang, type MessageKey } from '../i18n/index.js';

// SPEC §9: the fill-in columns of a pack and the values of their drop-down lists.
// A pack's headers and list values are written in the run's language; a returned
// pack is read in either language (a township may have received an English pack,
// or typed the code), so both are accepted.

export const FILL_FIELDS = ['case_id', 'date', 'kind', 'method', 'outcome', 'note', 'by'] as const;
export type FillField = (typeof FILL_FIELDS)[number];

/** The fields a row that has anything filled in must have (the key, and who did what when). */
export const REQUIRED_FIELDS: readonly FillField[] = ['case_id', 'date', 'kind', 'by'];

export function fillHeader(field: FillField, lang: Lang): string {
  return t(`ledger.col.${field}` as MessageKey, lang);
}

/** Every header text a fill-in column may carry (中文 or English). */
export function fillHeaders(field: FillField): string[] {
  return [fillHeader(field, 'zh'), fillHeader(field, 'en')];
}

export type Vocabulary = 'kind' | 'method' | 'outcome';

const CODES: { readonly [V in Vocabulary]: readonly string[] } = { kind: ENTRY_KINDS, method: ENTRY_METHODS, outcome: OUTCOMES };

/** The list values of a column in `lang`, in SPEC §9's order. */
export function listValues(vocabulary: Vocabulary, lang: Lang): string[] {
  return CODES[vocabulary].map((code) => t(`ledger.${vocabulary}.${code}` as MessageKey, lang));
}

export function valueLabel(vocabulary: Vocabulary, code: string, lang: Lang): string {
  return t(`ledger.${vocabulary}.${code}` as MessageKey, lang);
}

/** The code of a list value as written (中文, English or the code itself); null when it is in no list. */
export function parseListValue(vocabulary: 'kind', text: string): EntryKind | null;
export function parseListValue(vocabulary: 'method', text: string): EntryMethod | null;
export function parseListValue(vocabulary: 'outcome', text: string): Outcome | null;
export function parseListValue(vocabulary: Vocabulary, text: string): string | null {
  const wanted = text.normalize('NFKC').trim().toLowerCase();
  for (const code of CODES[vocabulary]) {
    if (wanted === code || wanted === valueLabel(vocabulary, code, 'zh') || wanted === valueLabel(vocabulary, code, 'en').toLowerCase())
      return code;
  }
  return null;
}
