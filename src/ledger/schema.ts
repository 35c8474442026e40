import type Database from 'better-sqlite3';
import { RollcallError } from '../domain/index.js';

// The ledger's schema and its forward migrations. PRAGMA user_version is the
// number of migrations applied; a ledger newer than this program is refused (an
// old rollcall must never write into a schema it does not know).

const MIGRATIONS: readonly string[] = [
  // 1: runs, their sources, cases, the nights each case was seen, follow-up entries (SPEC §8, §9).
  `
  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    as_of TEXT NOT NULL UNIQUE,
    started TEXT NOT NULL,
    ended TEXT NOT NULL,
    version TEXT NOT NULL,
    accepted_shrink INTEGER NOT NULL DEFAULT 0 CHECK (accepted_shrink IN (0, 1)),
    cases_by_category TEXT NOT NULL
  );
  CREATE TABLE run_sources (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    file TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    rows_read INTEGER NOT NULL,
    rows_accepted INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL,
    PRIMARY KEY (run_id, source)
  ) WITHOUT ROWID;
  CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    township TEXT NOT NULL,
    school TEXT NOT NULL,
    evidence TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    last_json TEXT NOT NULL
  );
  CREATE TABLE case_nights (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    case_ref INTEGER NOT NULL REFERENCES cases(id),
    state TEXT NOT NULL CHECK (state IN ('new', 'open', 'reopened', 'closed')),
    evidence TEXT NOT NULL,
    PRIMARY KEY (run_id, case_ref)
  ) WITHOUT ROWID;
  CREATE INDEX case_nights_by_case ON case_nights (case_ref, run_id);
  CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(case_id),
    date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('verify', 'persuade', 'close')),
    method TEXT,
    outcome TEXT,
    note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    source_file TEXT NOT NULL,
    source_row INTEGER,
    imported_at TEXT NOT NULL,
    import_key TEXT UNIQUE
  );
  CREATE INDEX entries_by_case ON entries (case_id, date, id);
  -- SPEC §9: entries are append-only; a mistake is corrected by a later entry.
  CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;
  CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;
  `,
  // 2: the ledger's identity, written into every pack so that a pack returned to another ledger is recognised (SPEC §9).
  `
  CREATE TABLE ledger_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  INSERT INTO ledger_meta (key, value) VALUES ('ledger_id', lower(hex(randomblob(8))));
  `,
  // 3: what a night reads, kept as it is written rather than recounted from every night so far
  // (a school year holds some 300 nights: recounting made each night slower than the one before).
  // A case's nights and since when it is open; a run's new, resolved and open cases by category
  // (the dashboard's trend). Filled in for the runs already recorded.
  `
  ALTER TABLE cases ADD COLUMN nights INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE cases ADD COLUMN open_since TEXT;
  UPDATE cases SET
    nights = (SELECT count(*) FROM case_nights n WHERE n.case_ref = cases.id),
    open_since = coalesce(
      (SELECT max(r.as_of) FROM case_nights n JOIN runs r ON r.id = n.run_id
       WHERE n.case_ref = cases.id AND n.state IN ('new', 'reopened')),
      first_seen);
  ALTER TABLE runs ADD COLUMN new_cases INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE runs ADD COLUMN resolved_cases INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE runs ADD COLUMN open_by_category TEXT NOT NULL DEFAULT '{}';
  UPDATE runs SET
    new_cases = (SELECT count(*) FROM case_nights n WHERE n.run_id = runs.id AND n.state = 'new'),
    resolved_cases = (
      SELECT count(*) FROM case_nights p JOIN cases c ON c.id = p.case_ref
      WHERE p.run_id = (SELECT b.id FROM runs b WHERE b.as_of < runs.as_of ORDER BY b.as_of DESC LIMIT 1)
        AND p.state <> 'closed'
        AND NOT EXISTS (SELECT 1 FROM case_nights n WHERE n.run_id = runs.id AND n.case_ref = p.case_ref)
        -- Not closed by a person as that night knew it (ledger/states.ts closureOf): the latest entry
        -- with an outcome, dated up to the night and recorded before it began, has no closing outcome.
        AND coalesce((
          SELECT e.outcome FROM entries e
          WHERE e.case_id = c.case_id AND e.outcome IS NOT NULL AND e.date <= runs.as_of AND e.imported_at <= runs.started
          ORDER BY e.date DESC, e.id DESC LIMIT 1), '')
          NOT IN ('returned', 'studying_elsewhere', 'home_tuition', 'deferred', 'false_alarm', 'deceased', 'abroad', 'moved_out')),
    open_by_category = coalesce((
      SELECT json_group_object(category, count) FROM (
        SELECT c.category AS category, count(*) AS count FROM case_nights n JOIN cases c ON c.id = n.case_ref
        WHERE n.run_id = runs.id AND n.state <> 'closed' GROUP BY c.category ORDER BY c.category)),
      '{}');
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the ledger's schema up to date, each migration in its own transaction. */
export function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new RollcallError('ledger', { key: 'ledger.too_new', params: { file, found: current, known: SCHEMA_VERSION } });
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
