import { accessSync, chmodSync, closeSync, constants, existsSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  isClosingOutcome,
  RollcallError,
  type CaseState,
  type EntryKind,
  type EntryMethod,
  type FollowUpEntry,
  type Outcome,
} from '../domain/index.js';
import { migrate } from './schema.js';

// The ledger file (SPEC §8): the only module that talks to SQLite. Reads are plain
// queries; every change of a run is one transaction (beginRun … commitRun), so a run
// that fails or is killed leaves the ledger as it was.

export interface RunRow {
  readonly id: number;
  readonly as_of: string;
  readonly started: string;
  readonly ended: string;
  readonly version: string;
  readonly accepted_shrink: boolean;
  readonly cases_by_category: Record<string, number>;
  /** Cases new that night (state new). */
  readonly new_cases: number;
  /** Cases open after the run before and not found that night, nor closed by a person (已消除). */
  readonly resolved_cases: number;
  /** Cases open after the run (every state but closed), by category: the dashboard's trend. */
  readonly open_by_category: Record<string, number>;
}

export interface RunSourceRow {
  readonly source: string;
  readonly file: string;
  readonly size: number;
  readonly mtime: string;
  readonly sha256: string;
  readonly rows_read: number;
  readonly rows_accepted: number;
  readonly rows_rejected: number;
}

export interface CaseRow {
  readonly ref: number;
  readonly case_id: string;
  readonly category: string;
  readonly first_seen: string;
  readonly township: string;
  readonly school: string;
  readonly evidence: string;
  readonly last_seen: string;
  readonly nights: number;
  readonly open_since: string | null;
}

export interface NightRow {
  readonly as_of: string;
  readonly run_id: number;
  readonly state: CaseState;
  readonly evidence: string;
}

/** A follow-up entry to append (SPEC §9). */
export interface NewEntry {
  readonly caseId: string;
  readonly date: string;
  readonly kind: EntryKind;
  readonly method?: EntryMethod | null;
  readonly outcome?: Outcome | null;
  readonly note?: string;
  readonly by: string;
  /** The returned pack's file name, or 'cli' for `ledger record`. */
  readonly sourceFile: string;
  readonly sourceRow?: number | null;
  /** Same key twice (the same pack row imported again) adds nothing. */
  readonly importKey?: string | null;
}

export interface StoredEntry extends FollowUpEntry {
  readonly id: number;
  readonly case_id: string;
  readonly source_file: string;
  readonly source_row: number | null;
  readonly imported_at: string;
}

/** One case as tonight's run records it. */
export interface CaseWrite {
  readonly caseId: string;
  readonly category: string;
  readonly township: string;
  readonly school: string;
  readonly evidence: string;
  readonly json: string;
  readonly state: CaseState;
  readonly firstSeen: string;
  readonly nights: number;
  readonly openSince: string | null;
}

export interface RunWrite {
  readonly asOf: string;
  readonly started: string;
  readonly version: string;
  readonly acceptedShrink: boolean;
  readonly casesByCategory: Record<string, number>;
  /** What the run changed (RunRow's new_cases, resolved_cases, open_by_category). */
  readonly newCases: number;
  readonly resolvedCases: number;
  readonly openByCategory: Record<string, number>;
  readonly sources: readonly RunSourceRow[];
  readonly cases: readonly CaseWrite[];
  /** The run of the same as-of that this one replaces, or null. */
  readonly replaces: number | null;
  /** Entries the run itself makes (SPEC §11: a notice written for a case), in the same transaction. */
  readonly entries?: readonly NewEntry[];
}

/**
 * What a case's nights say (SQL over `cases` as `c`): the nights it was seen, and
 * since when it is open (its latest new or reopened night, else its first night).
 * The columns `nights` and `open_since` keep these as runs are written;
 * repairReplaced counts them again, ledger verify checks them.
 */
export const NIGHTS_FOUND = `(SELECT count(*) FROM case_nights n WHERE n.case_ref = c.id)`;
export const OPEN_SINCE_FOUND = `coalesce(
  (SELECT max(r.as_of) FROM case_nights n JOIN runs r ON r.id = n.run_id
   WHERE n.case_ref = c.id AND n.state IN ('new', 'reopened')),
  c.first_seen)`;

/**
 * Every run writes the ledger, and SQLite writes its journal beside it: the file and
 * its folder must be writable by the user the run is (cron's). Checked with the lock
 * (index.ts lockLedger), before SQLite opens it: it would open a file it cannot write
 * read-only and fail at the first write with an unexpected error.
 */
export function checkWritable(file: string): void {
  // The backups' folder too (SPEC §8: FILE.bak), when a run by another user (root, by hand) made it.
  const paths = [file, dirname(file), `${file}.bak`].filter((path, i) => i === 1 || existsSync(path));
  for (const path of paths) {
    try {
      accessSync(path, constants.R_OK | constants.W_OK);
    } catch (error) {
      throw noPermission(path, (error as NodeJS.ErrnoException).code ?? 'EACCES', error);
    }
  }
}

/**
 * What SQLite says of the ledger file as a clerk's exit 2, whenever it says it (a damaged
 * page may only be read deep in a run or a verify): damaged — restore a backup; or not
 * writable — a permission, never a reason to copy a backup over a healthy ledger. Any
 * other error is returned as it is.
 */
export function ledgerError(file: string, error: unknown): unknown {
  if (error instanceof RollcallError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (/^SQLITE_(READONLY|CANTOPEN|PERM)/.test(code)) return noPermission(file, code, error);
  if (/^SQLITE_FULL/.test(code)) return new RollcallError('ledger', { key: 'io.out_enospc', params: { path: file } }, { cause: error });
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code))
    return new RollcallError('ledger', { key: 'ledger.unreadable', params: { file, reason: (error as Error).message } }, { cause: error });
  return error;
}

export function noPermission(file: string, code: string, cause: unknown): RollcallError {
  return new RollcallError('ledger', { key: 'ledger.no_permission', params: { file, code } }, { cause });
}

export class LedgerStore {
  private constructor(
    readonly file: string,
    readonly db: Database.Database,
  ) {}

  /** Opens (creating, mode 0600) and migrates the ledger. */
  static open(file: string): LedgerStore {
    if (!existsSync(file)) {
      try {
        closeSync(openSync(file, 'wx', 0o600));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new RollcallError(
            'ledger',
            { key: 'ledger.unwritable', params: { file, reason: (error as Error).message } },
            { cause: error },
          );
        }
      }
    }
    let db: Database.Database;
    try {
      db = new Database(file, { fileMustExist: true });
      db.pragma('journal_mode = WAL');
      // A committed run survives a power cut (one commit a night: the cost is nothing).
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 2000');
      migrate(db, file);
    } catch (error) {
      const known = ledgerError(file, error);
      throw known instanceof RollcallError
        ? known
        : new RollcallError('ledger', { key: 'ledger.unreadable', params: { file, reason: (error as Error).message } }, { cause: error });
    }
    try {
      for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
    } catch (error) {
      db.close();
      throw noPermission(file, (error as NodeJS.ErrnoException).code ?? 'EPERM', error);
    }
    return new LedgerStore(file, db);
  }

  close(): void {
    if (!this.db.open) return;
    this.rollbackRun();
    this.db.close();
  }

  /** The runs, oldest first. */
  runs(): RunRow[] {
    const rows = this.db.prepare('SELECT * FROM runs ORDER BY as_of').all() as (Omit<
      RunRow,
      'accepted_shrink' | 'cases_by_category' | 'open_by_category'
    > & {
      accepted_shrink: number;
      cases_by_category: string;
      open_by_category: string;
    })[];
    return rows.map((row) => ({
      ...row,
      accepted_shrink: row.accepted_shrink === 1,
      cases_by_category: JSON.parse(row.cases_by_category) as Record<string, number>,
      open_by_category: JSON.parse(row.open_by_category) as Record<string, number>,
    }));
  }

  latestRun(): RunRow | null {
    return this.runs().at(-1) ?? null;
  }

  runSources(runId: number): RunSourceRow[] {
    return this.db
      .prepare(
        `SELECT source, file, size, mtime, sha256, rows_read, rows_accepted, rows_rejected
         FROM run_sources WHERE run_id = ? ORDER BY source`,
      )
      .all(runId) as RunSourceRow[];
  }

  /** Every case the ledger knows, by case_id. */
  cases(): Map<string, CaseRow> {
    const rows = this.db
      .prepare(
        `SELECT id AS ref, case_id, category, first_seen, township, school, evidence, last_seen, nights, open_since
         FROM cases`,
      )
      .all() as CaseRow[];
    return new Map(rows.map((row) => [row.case_id, row]));
  }

  /** The case as last seen (a Case object, as cases.jsonl wrote it). */
  caseJson(caseId: string): string | null {
    const row = this.db.prepare('SELECT last_json FROM cases WHERE case_id = ?').get(caseId) as { last_json: string } | undefined;
    return row?.last_json ?? null;
  }

  /** The cases a run saw, with their state and evidence. */
  nightsOfRun(runId: number): Map<string, { state: CaseState; evidence: string }> {
    const rows = this.db
      .prepare('SELECT c.case_id, n.state, n.evidence FROM case_nights n JOIN cases c ON c.id = n.case_ref WHERE n.run_id = ?')
      .all(runId) as { case_id: string; state: CaseState; evidence: string }[];
    return new Map(rows.map((row) => [row.case_id, { state: row.state, evidence: row.evidence }]));
  }

  /** The nights a case was seen, oldest first. */
  nightsOfCase(caseId: string): NightRow[] {
    return this.db
      .prepare(
        `SELECT r.as_of, r.id AS run_id, n.state, n.evidence
         FROM case_nights n JOIN runs r ON r.id = n.run_id JOIN cases c ON c.id = n.case_ref
         WHERE c.case_id = ? ORDER BY r.as_of`,
      )
      .all(caseId) as NightRow[];
  }

  /** Follow-up entries, oldest first (by date, then as recorded), by case_id. */
  entries(): Map<string, StoredEntry[]> {
    const rows = this.db
      .prepare(
        `SELECT id, case_id, date, kind, method, outcome, note, recorded_by AS by, source_file, source_row, imported_at
         FROM entries ORDER BY case_id, date, id`,
      )
      .all() as StoredEntry[];
    const byCase = new Map<string, StoredEntry[]>();
    for (const row of rows) {
      const list = byCase.get(row.case_id);
      if (list) list.push(row);
      else byCase.set(row.case_id, [row]);
    }
    return byCase;
  }

  /**
   * Appends one follow-up entry (SPEC §9); returns false when an entry with the same
   * import key is already there (importing the same pack twice adds nothing).
   */
  addEntry(entry: NewEntry, now: Date = new Date()): boolean {
    if (!this.db.prepare('SELECT 1 FROM cases WHERE case_id = ?').get(entry.caseId)) {
      throw new RollcallError('ledger', { key: 'ledger.unknown_case', params: { file: this.file } });
    }
    if (entry.kind === 'close' && !isClosingOutcome(entry.outcome ?? null)) {
      throw new RollcallError('ledger', { key: 'ledger.close_without_outcome', params: { file: this.file } });
    }
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO entries
           (case_id, date, kind, method, outcome, note, recorded_by, source_file, source_row, imported_at, import_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.caseId,
        entry.date,
        entry.kind,
        entry.method ?? null,
        entry.outcome ?? null,
        entry.note ?? '',
        entry.by,
        entry.sourceFile,
        entry.sourceRow ?? null,
        now.toISOString(),
        entry.importKey ?? null,
      );
    return result.changes === 1;
  }

  /**
   * Writes a run inside a transaction that stays open: commitRun ends it, rollbackRun
   * (or closing, or a kill) undoes it. One transaction, all or nothing (SPEC §8); the
   * writing is done while the report's last files are still being written.
   */
  beginRun(run: RunWrite, pause: (stage: string) => void = () => undefined): number {
    const db = this.db;
    db.exec('BEGIN IMMEDIATE');
    try {
      const replacedRefs: number[] = [];
      if (run.replaces !== null) {
        for (const row of db.prepare('SELECT case_ref FROM case_nights WHERE run_id = ?').all(run.replaces) as { case_ref: number }[])
          replacedRefs.push(row.case_ref);
        db.prepare('DELETE FROM case_nights WHERE run_id = ?').run(run.replaces);
        db.prepare('DELETE FROM runs WHERE id = ?').run(run.replaces);
      }
      const runId = Number(
        db
          .prepare(
            `INSERT INTO runs (as_of, started, ended, version, accepted_shrink, cases_by_category, new_cases, resolved_cases, open_by_category)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            run.asOf,
            run.started,
            run.started, // until commitRun says when it ended
            run.version,
            run.acceptedShrink ? 1 : 0,
            JSON.stringify(run.casesByCategory),
            run.newCases,
            run.resolvedCases,
            JSON.stringify(run.openByCategory),
          ).lastInsertRowid,
      );
      const addSource = db.prepare(
        `INSERT INTO run_sources (run_id, source, file, size, mtime, sha256, rows_read, rows_accepted, rows_rejected)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const s of run.sources)
        addSource.run(runId, s.source, s.file, s.size, s.mtime, s.sha256, s.rows_read, s.rows_accepted, s.rows_rejected);
      const upsert = db.prepare(
        `INSERT INTO cases (case_id, category, first_seen, township, school, evidence, last_seen, last_json, nights, open_since)
         VALUES (@caseId, @category, @firstSeen, @township, @school, @evidence, @asOf, @json, @nights, @openSince)
         ON CONFLICT (case_id) DO UPDATE SET category = excluded.category, township = excluded.township, school = excluded.school,
           evidence = excluded.evidence, last_seen = excluded.last_seen, last_json = excluded.last_json,
           nights = excluded.nights, open_since = excluded.open_since
         RETURNING id`,
      );
      const addNight = db.prepare('INSERT INTO case_nights (run_id, case_ref, state, evidence) VALUES (?, ?, ?, ?)');
      pause('ledger-transaction');
      for (const c of run.cases) {
        const { id } = upsert.get({ ...c, asOf: run.asOf }) as { id: number };
        addNight.run(runId, id, c.state, c.evidence);
      }
      if (replacedRefs.length > 0) this.repairReplaced(replacedRefs);
      for (const entry of run.entries ?? []) this.addEntry(entry);
      return runId;
    } catch (error) {
      this.rollbackRun();
      throw error;
    }
  }

  /** Ends the transaction beginRun opened: the run is in the ledger, with the time it ended. */
  commitRun(runId: number, ended: string): void {
    this.db.prepare('UPDATE runs SET ended = ? WHERE id = ?').run(ended, runId);
    this.db.exec('COMMIT');
  }

  /** Undoes a run begun and not committed (nothing when there is none). */
  rollbackRun(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  /**
   * After a run was replaced: cases only it saw lose their last night (last seen,
   * nights, open since counted again from their nights); those with no night and no entry go.
   */
  private repairReplaced(refs: readonly number[]): void {
    const counts = this.db.prepare(`UPDATE cases AS c SET nights = ${NIGHTS_FOUND}, open_since = ${OPEN_SINCE_FOUND} WHERE id = ?`);
    const lastSeen = this.db.prepare(
      `UPDATE cases SET last_seen = (SELECT max(r.as_of) FROM case_nights n JOIN runs r ON r.id = n.run_id WHERE n.case_ref = cases.id)
       WHERE id = ? AND EXISTS (SELECT 1 FROM case_nights WHERE case_ref = ?)`,
    );
    const drop = this.db.prepare(
      `DELETE FROM cases WHERE id = ? AND NOT EXISTS (SELECT 1 FROM case_nights WHERE case_ref = ?)
         AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.case_id = cases.case_id)`,
    );
    for (const ref of refs) {
      counts.run(ref);
      lastSeen.run(ref, ref);
      drop.run(ref, ref);
    }
  }

  /** SQLite's online backup to `dest` (SPEC §8). */
  async backupTo(dest: string): Promise<void> {
    await this.db.backup(dest);
  }
}
