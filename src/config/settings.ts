import { referenceDayFor, parseIsoDay, today, RollcallError, SOURCE_NAMES, type FieldName, type SchoolAge, type SourceName } from '../domain/index.js';
import { foldText, type StatusLists } from '../normalize/index.js';
import { DEFAULT_SCHOOL_AGE, DEFAULT_STATUSES, ENCODING_ALIASES, type Encoding } from './defaults.js';
import { loadConfigFile } from './load-config.js';
import { dirname, resolve } from 'node:path';
import type { ConfigFile } from './schema.js';

/** How one input file is read. */
export interface SourceSettings {
  readonly source: SourceName;
  readonly file: string;
  /** Extra headers per field (config `columns`), folded; they add to the synonyms. */
  readonly columns: Partial<Record<FieldName, readonly string[]>>;
  readonly encoding: Encoding | null;
  readonly sheet: string | null;
}

/** Everything a run needs to know, defaults ← config file ← command line. */
export interface Settings {
  readonly sources: Partial<Record<SourceName, SourceSettings>>;
  readonly asOf: number;
  readonly referenceDay: number;
  /** County ID prefixes; null: infer the most frequent household prefix (SPEC §4). */
  readonly county: readonly string[] | null;
  readonly schoolAge: SchoolAge;
  readonly statuses: StatusLists;
  /** SPEC §8: the ledger file, or null (no ledger: reconcile as in §1–§7). */
  readonly ledger: string | null;
  /** SPEC §8 input guard: the largest fall of a source's accepted rows a run accepts. */
  readonly maxShrink: number;
}

/** What the command line gave, before validation. */
export interface CommandLineInputs {
  registry?: string;
  household?: string;
  poverty?: string;
  attendance?: string;
  asOf?: string;
  county?: string;
  config?: string;
  encoding?: string;
  ledger?: string;
}

/** SPEC §8: a source may lose at most 20 % of its accepted rows from one run to the next. */
const DEFAULT_MAX_SHRINK = 0.2;

export async function resolveSettings(inputs: CommandLineInputs, now: Date = new Date()): Promise<Settings> {
  const config: ConfigFile = inputs.config ? await loadConfigFile(inputs.config) : {};
  const flagEncoding = inputs.encoding === undefined ? null : parseEncoding(inputs.encoding, '--encoding');

  const sources: Partial<Record<SourceName, SourceSettings>> = {};
  for (const source of SOURCE_NAMES) {
    const file = inputs[source];
    if (!file) continue;
    const sourceConfig = config.sources?.[source] ?? {};
    const columns: Partial<Record<FieldName, readonly string[]>> = {};
    for (const [field, headers] of Object.entries(sourceConfig.columns ?? {})) {
      if (headers === undefined) continue;
      columns[field as FieldName] = (Array.isArray(headers) ? headers : [headers]).map(foldText);
    }
    const encoding = flagEncoding ?? (sourceConfig.encoding ? parseEncoding(sourceConfig.encoding, `sources.${source}.encoding`) : null);
    sources[source] = { source, file, columns, encoding, sheet: sourceConfig.sheet ?? null };
  }

  const asOf = inputs.asOf === undefined ? today(now) : parseAsOf(inputs.asOf);
  const county = inputs.county !== undefined ? parseCounty(inputs.county) : (config.county ?? null);
  return {
    sources,
    asOf,
    referenceDay: referenceDayFor(asOf),
    county,
    schoolAge: config.schoolAge ?? DEFAULT_SCHOOL_AGE,
    statuses: { ...DEFAULT_STATUSES, ...config.statuses },
    // A ledger named in the config is found beside the config, wherever cron starts the run.
    ledger: inputs.ledger ?? (config.ledger !== undefined && inputs.config ? resolve(dirname(inputs.config), config.ledger) : null),
    maxShrink: config.guard?.maxShrink ?? DEFAULT_MAX_SHRINK,
  };
}

function parseAsOf(text: string): number {
  const day = parseIsoDay(text);
  if (day === null) throw new RollcallError('usage', `--as-of ${JSON.stringify(text)}: not a calendar date — write it as YYYY-MM-DD, e.g. 2026-09-15`);
  return day;
}

function parseCounty(text: string): string[] {
  const codes = text.split(/[,，\s]+/).filter(Boolean);
  const wrong = codes.filter((code) => !/^\d{6}$/.test(code));
  if (codes.length === 0 || wrong.length > 0) {
    throw new RollcallError('usage', `--county ${JSON.stringify(text)}: expected 6-digit ID prefixes separated by commas, e.g. --county 341324,341302`);
  }
  return codes;
}

function parseEncoding(text: string, where: string): Encoding {
  const encoding = ENCODING_ALIASES[text.toLowerCase()];
  if (!encoding) {
    throw new RollcallError('usage', `${where} ${JSON.stringify(text)}: unknown encoding — use one of ${Object.keys(ENCODING_ALIASES).join(', ')}`);
  }
  return encoding;
}
