import type { Settings } from '../config/index.js';
import { SOURCE_NAMES, type SourceName } from '../domain/index.js';
import { IdKeyTable, Interner, StatusMatcher } from '../normalize/index.js';
import { loadSource, type LoadedSource } from './load-source.js';
import type { LoadContext } from './record-builder.js';
import type { ProgressCallback } from './rows.js';

export type LoadedSources = Partial<Record<SourceName, LoadedSource>>;

/** Progress of one file: which source, bytes so far, bytes in all. */
export type SourceProgress = (source: SourceName, file: string, bytesRead: number, totalBytes: number) => void;

/** Reads every source the settings name, one after the other, household first (the largest). */
export async function loadSources(settings: Settings, onProgress?: SourceProgress): Promise<LoadedSources> {
  const context: LoadContext = {
    asOf: settings.asOf,
    statuses: new StatusMatcher(settings.statuses),
    interner: new Interner(),
    idKeys: new IdKeyTable(),
  };
  const loaded: LoadedSources = {};
  const order: SourceName[] = ['household', ...SOURCE_NAMES.filter((source) => source !== 'household')];
  for (const source of order) {
    const sourceSettings = settings.sources[source];
    if (!sourceSettings) continue;
    const progress: ProgressCallback | undefined = onProgress && ((read, total) => onProgress(source, sourceSettings.file, read, total));
    loaded[source] = await loadSource(sourceSettings, context, progress);
  }
  return loaded;
}
