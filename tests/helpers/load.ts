import { DEFAULT_STATUSES, type SourceSettings } from '../../src/config/index.js';
import type { SourceName, FieldName } from '../../src/domain/index.js';
import { loadSource } from '../../src/load/index.js';
import type { SourceRecord } from '../../src/domain/index.js';
import { IdKeyTable, Interner, StatusMatcher } from '../../src/normalize/index.js';

export const AS_OF = 20260915;

export function sourceSettings(
  source: SourceName,
  file: string,
  options: { columns?: Partial<Record<FieldName, string[]>>; encoding?: 'utf-8' | 'gb18030'; sheet?: string } = {},
): SourceSettings {
  return { source, file, columns: options.columns ?? {}, encoding: options.encoding ?? null, sheet: options.sheet ?? null };
}

/** Loads one file as rollcall does; `records` are its rows made back into records. */
export async function loadFile(source: SourceName, file: string, options: Parameters<typeof sourceSettings>[2] = {}) {
  const loaded = await loadSource(sourceSettings(source, file, options), {
    asOf: AS_OF,
    statuses: new StatusMatcher(DEFAULT_STATUSES),
    interner: new Interner(),
    idKeys: new IdKeyTable(),
  });
  const records: SourceRecord[] = loaded.records.toRecords();
  return { ...loaded, records };
}
