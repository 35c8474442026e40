import type { Case, LedgerView } from '../../src/domain/index.js';
import { LedgerStore, openLedgerRun } from '../../src/ledger/index.js';

// Nights of a ledger made in a test: cases as the classifiers make them (only what
// the ledger reads matters), each night decided, prepared and committed as reconcile does.

/** A case as the classifiers make it; only what the ledger reads matters here. */
export function absent(id: string, reasons: ('not_checked_in' | 'registry_dropout')[], township = '城关镇'): Case {
  return {
    case_id: id,
    category: 'enrolled_absent',
    reasons,
    flags: [],
    township,
    school: '第一小学',
    village: '',
    grade: '',
    class: '',
    student_no: '',
    household_no: '',
    id_note: '',
    person: { name: '甲', id_number: '', gender: null, birth_date: null },
    records: [{ source: 'registry', row: 2, id_number: '', name: '甲' }],
    suggested_id: null,
    candidates: [],
    match: null,
    differences: [],
    guardians: { status: 'no_household', names: [], household_no: '', village: '' },
  };
}

export async function night(ledger: string, asOf: string, cases: Case[]): Promise<LedgerView> {
  const run = await openLedgerRun({ file: ledger, asOf, version: 'test', maxShrink: 0.2, acceptShrink: false });
  try {
    const view = run.decide(cases);
    await run.prepare([], { enrolled_absent: cases.length });
    run.commit();
    return view;
  } finally {
    await run.close();
  }
}

/** `use` on the ledger, opened for it and closed after. */
export function inLedger<T>(ledger: string, use: (store: LedgerStore) => T): T {
  const store = LedgerStore.open(ledger);
  try {
    return use(store);
  } finally {
    store.close();
  }
}
