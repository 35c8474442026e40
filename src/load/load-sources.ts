import type { Settings } from '../config/index.js';
import { SOURCE_NAMES, type SourceName } from '../domain/index.js';
import { IdKeyTable, Interner, StatusMatcher } from '../normalize/index.js';
import { loadSource, type LoadedSource } from './load-source.js';
import type { LoadContext } from './record-builder.js';
import type { ProgressCallback } from './rows.js';
import { startSideLoader } from './side-loader.js';

export type LoadedSources = Partial<Record<SourceName, LoadedSource>>;

/** Progress of one file: which source, bytes so far, bytes in all. */
export type SourceProgress = (source: SourceName, file: string, bytesRead: number, totalBytes: number) => void;

/**
 * Reads every source the settings name: the household register (the largest) on
 * this thread, the others at the same time on a worker (side-loader.ts). A problem
 * is reported for the first source in the order household, registry, poverty,
 * attendance, as a one-thread run would.
 */
export async function loadSources(settings: Settings, onProgress?: SourceProgress): Promise<LoadedSources> {
  const context: LoadContext = {
    asOf: settings.asOf,
    statuses: new StatusMatcher(settings.statuses),
    interner: new Interner(),
    idKeys: new IdKeyTable(),
  };
  const progressOf = (source: SourceName): ProgressCallback | undefined => {
    const file = settings.sources[source]?.file ?? '';
    return onProgress && ((read, total) => onProgress(source, file, read, total));
  };
  const household = settings.sources.household;
  const others = SOURCE_NAMES.filter((source) => source !== 'household').flatMap((source) => settings.sources[source] ?? []);
  // Beside the household register only: alone, a source is read here (no thread to start).
  const side = household
    ? startSideLoader(others, settings, onProgress && ((source, read, total) => progressOf(source)?.(read, total)))
    : null;
  try {
    const loaded: LoadedSources = {};
    if (household) loaded.household = await loadSource(household, context, progressOf('household'));
    for (const sourceSettings of others) {
      const { source } = sourceSettings;
      loaded[source] = side ? await side.result(source, context.idKeys) : await loadSource(sourceSettings, context, progressOf(source));
    }
    return loaded;
  } finally {
    side?.close();
  }
}
