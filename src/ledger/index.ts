import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { RollcallError, type Case, type LedgerView } from '../domain/index.js';
import { acquireLock, type RunLock } from '../lock/index.js';
import { backupLedger } from './backup.js';
import { readLedgerId } from './follow-up.js';
import { guardShrink } from './guard.js';
import { ledgerHistory } from './history.js';
import { decideStates } from './states.js';
import { checkWritable, LedgerStore, ledgerError, noPermission, type NewEntry, type RunRow, type RunSourceRow } from './store.js';
import { verifyLedger, type LedgerProblem } from './verify.js';

// src/ledger: the SQLite ledger of SPEC §8 — the only folder that imports
// better-sqlite3. pipeline/ imports it dynamically, only when a ledger is given,
// so a run without one never loads it.

export { LedgerStore, type NewEntry, type RunRow, type RunSourceRow } from './store.js';
export { readLedgerId, readCaseIds, addEntries, type OutcomeConflict } from './follow-up.js';
export { verifyLedger, type LedgerProblem } from './verify.js';
export { closureOf, decidingEntry, reopenedSince, standingOf } from './states.js';

export interface LedgerRunOptions {
  readonly file: string;
  /** YYYY-MM-DD */
  readonly asOf: string;
  readonly version: string;
  readonly maxShrink: number;
  readonly acceptShrink: boolean;
  /** Test hook (see pipeline/test-pause.ts). */
  readonly pause?: (stage: string) => void;
}

/** One run on the ledger: the lock is held from open to close (SPEC §8, one run at a time). */
export interface LedgerRun {
  /** The run before tonight's (null on the first night). */
  readonly previous: RunRow | null;
  /** The ledger's identity, written into the packs (SPEC §9). */
  readonly ledgerId: string;
  /** Stops the run when a source shrank too much (SPEC §8 input guard). */
  guard(sources: readonly RunSourceRow[]): void;
  /** Decides tonight's states; reads only. */
  decide(cases: readonly Case[]): LedgerView;
  /**
   * Backs the ledger up, then writes the run in a transaction left open (the report's
   * last files are still being written meanwhile); commit() ends it, close() without
   * commit() undoes it.
   */
  prepare(sources: readonly RunSourceRow[], casesByCategory: Record<string, number>, entries?: readonly NewEntry[]): Promise<void>;
  /** Commits the run prepare() wrote: from now on it is in the ledger. */
  commit(): void;
  /** Undoes a run not committed, and releases the ledger. */
  close(): Promise<void>;
}

export async function openLedgerRun(options: LedgerRunOptions): Promise<LedgerRun> {
  const file = resolve(options.file);
  const lock = await lockLedger(file);
  let store: LedgerStore;
  try {
    store = LedgerStore.open(file);
  } catch (error) {
    await lock.release();
    throw error;
  }
  const started = new Date().toISOString();
  try {
    const runs = store.runs();
    const latest = runs.at(-1) ?? null;
    // SPEC §8: runs go forward; the same as-of replaces the latest run.
    if (latest && latest.as_of > options.asOf) {
      throw new RollcallError('ledger', {
        key: 'ledger.backwards',
        params: { file: options.file, as_of: options.asOf, latest: latest.as_of },
      });
    }
    const replaces = latest && latest.as_of === options.asOf ? latest : null;
    const previous = (replaces ? runs.at(-2) : latest) ?? null;
    let writes: ReturnType<typeof decideStates>['writes'] | null = null;
    let runChanges: ReturnType<typeof decideStates>['run'] | null = null;
    let runId: number | null = null;
    return {
      previous,
      ledgerId: readLedgerId(store),
      guard: asLedgerErrors(file, (sources: readonly RunSourceRow[]) => {
        if (previous) guardShrink(sources, store.runSources(previous.id), options.maxShrink, options.acceptShrink);
      }),
      decide: asLedgerErrors(file, (cases: readonly Case[]) => {
        const known = store.cases();
        const decided = decideStates(store, known, cases, options.asOf, previous, replaces);
        writes = decided.writes;
        runChanges = decided.run;
        return { ...decided.view, history: ledgerHistory(store, known, decided.view, decided.run, cases, options.asOf, replaces) };
      }),
      prepare: asLedgerErrors(
        file,
        async (sources: readonly RunSourceRow[], casesByCategory: Record<string, number>, entries: readonly NewEntry[] = []) => {
          if (!writes || !runChanges) throw new Error('decide() before prepare()');
          if (runs.length > 0) await backupLedger(store, options.asOf);
          options.pause?.('ledger-backed-up');
          runId = store.beginRun(
            {
              asOf: options.asOf,
              started,
              version: options.version,
              acceptedShrink: options.acceptShrink,
              casesByCategory,
              ...runChanges,
              sources,
              cases: writes,
              replaces: replaces?.id ?? null,
              entries,
            },
            options.pause,
          );
        },
      ),
      commit: asLedgerErrors(file, () => {
        if (runId === null) throw new Error('prepare() before commit()');
        store.commitRun(runId, new Date().toISOString());
      }),
      async close() {
        store.close();
        await lock.release();
      },
    };
  } catch (error) {
    store.close();
    await lock.release();
    throw ledgerError(file, error);
  }
}

/** `work`, with what SQLite says of the ledger file turned into a clerk's exit 2 (store.ts ledgerError). */
function asLedgerErrors<A extends unknown[], R>(file: string, work: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      const result = work(...args);
      return (result instanceof Promise ? result.catch((error: unknown) => Promise.reject(ledgerError(file, error))) : result) as R;
    } catch (error) {
      throw ledgerError(file, error);
    }
  };
}

/** `rollcall ledger verify`: the problems found (none: the ledger is sound). */
export function verifyLedgerFile(
  file: string,
): Promise<{ problems: LedgerProblem[]; counts: { runs: number; cases: number; entries: number } }> {
  return withLedgerFile(resolve(file), (store) => {
    const count = (table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { problems: verifyLedger(store), counts: { runs: count('runs'), cases: count('cases'), entries: count('entries') } };
  });
}

/**
 * The ledger at `path` opened under its lock (SPEC §8: one command at a time) for `use`,
 * then closed; what SQLite says of the file on the way is a clerk's exit 2 (ledgerError).
 */
export async function withLedgerFile<T>(path: string, use: (store: LedgerStore) => T | Promise<T>): Promise<T> {
  const lock = await lockLedger(path);
  try {
    const store = LedgerStore.open(path);
    try {
      return await use(store);
    } catch (error) {
      throw ledgerError(path, error);
    } finally {
      store.close();
    }
  } finally {
    await lock.release();
  }
}

/** SPEC §8: the lock file beside the ledger (FILE.lock). */
export async function lockLedger(file: string): Promise<RunLock> {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw noPermission(file, (error as NodeJS.ErrnoException).code ?? 'EACCES', error);
  }
  // Before the lock file is made beside it: a folder the cron user cannot write says so, not a stack.
  checkWritable(file);
  return acquireLock(`${file}.lock`, file);
}
