import {
  referenceDayFor,
  today,
  RollcallError,
  SOURCE_NAMES,
  sourceText,
  type FieldName,
  type SchoolAge,
  type SourceName,
} from '../domain/index.js';
import { foldText, parseDateText, type StatusLists } from '../normalize/index.js';
import { DEFAULT_SCHOOL_AGE, DEFAULT_STATUSES, ENCODING_NAMES, encodingNamed, type Encoding } from './defaults.js';
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

/** SPEC §11: the notices (config `notice`). */
export interface NoticeSettings {
  /** `notice.issuer`; `{township}` in it stands for the township. Null: the township government. */
  readonly issuer: string | null;
  /** The deadline is the as-of day plus this many days (default 7). */
  readonly daysToComply: number;
  /** `notice.template`, resolved against the config file's folder; null: the built-in template. */
  readonly template: string | null;
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
  readonly notice: NoticeSettings;
  /** The report folder from the config file (resolved against its folder); --out wins over it. */
  readonly out: string | null;
  /** SPEC §8: the ledger file, or null (no ledger: reconcile as in §1–§7). */
  readonly ledger: string | null;
  /** SPEC §8 input guard: the largest fall of a source's accepted rows a run accepts. */
  readonly maxShrink: number;
}

/** What the command line gave, before validation. */
/** SPEC §11: as-of + 7 days unless the config says otherwise. */
const DEFAULT_DAYS_TO_COMPLY = 7;

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

  // Paths in the config file are relative to its folder: cron starts in the home folder.
  const fromConfig = (path: string | undefined) =>
    path === undefined || !inputs.config ? undefined : resolve(dirname(inputs.config), path);
  const sources: Partial<Record<SourceName, SourceSettings>> = {};
  for (const source of SOURCE_NAMES) {
    const sourceConfig = config.sources?.[source] ?? {};
    const file = inputs[source] ?? fromConfig(sourceConfig.file);
    if (!file) continue;
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
    notice: {
      issuer: config.notice?.issuer ?? null,
      daysToComply: config.notice?.daysToComply ?? DEFAULT_DAYS_TO_COMPLY,
      // A cron job runs from anywhere: a template path is read from the config file's folder.
      template: config.notice?.template !== undefined && inputs.config ? resolve(dirname(inputs.config), config.notice.template) : null,
    },
    out: fromConfig(config.out) ?? null,
    // A ledger named in the config is found beside the config, wherever cron starts the run.
    ledger: inputs.ledger ?? (config.ledger !== undefined && inputs.config ? resolve(dirname(inputs.config), config.ledger) : null),
    maxShrink: config.guard?.maxShrink ?? DEFAULT_MAX_SHRINK,
  };
}

/** The sources a command cannot run without, given by a flag or by `sources.<source>.file`. */
export function requireSources(settings: Settings, required: readonly SourceName[]): void {
  for (const source of required) {
    if (!settings.sources[source])
      throw new RollcallError('usage', { key: 'io.input_not_given', params: { source, label: sourceText(source) } });
  }
}

/** `--as-of` in any date spelling SPEC §2 accepts (2026-09-01, 2026/9/1, 20260901, 2026年9月1日). */
export function parseAsOf(text: string): number {
  const day = parseDateText(text);
  if (day <= 0) throw new RollcallError('usage', { key: 'config.bad_as_of', params: { value: JSON.stringify(text) } });
  return day;
}

function parseCounty(text: string): string[] {
  const codes = text.split(/[,，\s]+/).filter(Boolean);
  const wrong = codes.filter((code) => !/^\d{6}$/.test(code));
  if (codes.length === 0 || wrong.length > 0) {
    throw new RollcallError('usage', { key: 'config.bad_county', params: { value: JSON.stringify(text) } });
  }
  return codes;
}

function parseEncoding(text: string, where: string): Encoding {
  const encoding = encodingNamed(text);
  if (!encoding) {
    throw new RollcallError('usage', { key: 'io.unknown_encoding', params: { where, value: text, choices: ENCODING_NAMES.join(', ') } });
  }
  return encoding;
}
