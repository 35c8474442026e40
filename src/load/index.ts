export { checkReadableFile, loadSource, type LoadedSource } from './load-source.js';
export type { RejectedRow } from './rejected.js';
export { CsvTokenizer } from './csv-tokenizer.js';
export { RecordTable } from './record-table.js';
export { loadSources, type LoadedSources, type SourceProgress } from './load-sources.js';
export { checkLoadedSources } from './content-check.js';
