// src/followup: SPEC §9 — packs out to townships and schools (written by reconcile
// with a ledger), returned packs and single entries back into the ledger, and the
// period reports. Loaded only by ledger commands and runs with a ledger.

export { writePacks, type PackInput } from './write-packs.js';
export { importPacks } from './import-packs.js';
export { recordEntry } from './record-entry.js';
export { showCase } from './case-history.js';
export { parseMonth, parseQuarter, writePeriodReport } from './period-report.js';
export { packFileName, packFileNames } from './pack-names.js';
export { valueLabel } from './vocabulary.js';
