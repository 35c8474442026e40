/** The demo county's four exports as command-line inputs (fixtures/demo/, made by `rollcall generate`). */
export const DEMO_INPUTS = [
  '--registry',
  'fixtures/demo/registry.xlsx',
  '--household',
  'fixtures/demo/household.csv',
  '--poverty',
  'fixtures/demo/poverty.csv',
  '--attendance',
  'fixtures/demo/attendance.csv',
] as const;

/** The demo's inputs and the day it was generated for. */
export const DEMO = [...DEMO_INPUTS, '--as-of', '2026-09-20'];
