export * from './fields.js';
export * from './errors.js';
export * from './record.js';
export * from './dates.js';
export * from './school-age.js';
export * from './case.js';
export * from './ledger.js';
