export { loadSource, type LoadedSource, type SourceFormat } from './load-source.js';
export { FieldProblems, type LoadContext } from './record-builder.js';
export type { RejectedRow, RejectReason } from './rejected.js';
export type { ProgressCallback } from './rows.js';
export { CsvTokenizer } from './csv-tokenizer.js';
export { RecordTable } from './record-table.js';
export { loadSources, type LoadedSources, type SourceProgress } from './load-sources.js';
export { fingerprintFile, type FileFingerprint } from './fingerprint.js';
