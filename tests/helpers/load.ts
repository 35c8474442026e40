import { DEFAULT_STATUSES, type SourceSettings } from '../../src/config/index.js';
import type { SourceName, FieldName } from '../../src/domain/index.js';
import { loadSource, type LoadedSource } from '../../src/load/index.js';
import { Interner, StatusMatcher } from '../../src/normalize/index.js';

export const AS_OF = 20260915;

export function sourceSettings(
  source: SourceName,
  file: string,
  options: { columns?: Partial<Record<FieldName, string[]>>; encoding?: 'utf-8' | 'gb18030'; sheet?: string } = {},
): SourceSettings {
  return { source, file, columns: options.columns ?? {}, encoding: options.encoding ?? null, sheet: options.sheet ?? null };
}

export function loadFile(source: SourceName, file: string, options: Parameters<typeof sourceSettings>[2] = {}): Promise<LoadedSource> {
  return loadSource(sourceSettings(source, file, options), {
    asOf: AS_OF,
    statuses: new StatusMatcher(DEFAULT_STATUSES),
    interner: new Interner(),
  });
}
