import type { Migration } from './migration.js';

/**
 * The core schema, one set for both backends: the SQL is portable between SQLite and Postgres.
 * Rows hold the spec's records as JSON, validated by zod when read back.
 */
export const coreMigrations: Migration[] = [
  {
    version: 1,
    name: 'runs_cases_results_cache',
    up: `
      CREATE TABLE runs (
        id TEXT PRIMARY KEY, created_at TEXT NOT NULL, status TEXT NOT NULL, record TEXT NOT NULL);
      CREATE TABLE cases (
        run_id TEXT NOT NULL REFERENCES runs(id), case_id TEXT NOT NULL, ord INTEGER NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (run_id, case_id));
      CREATE TABLE results (
        run_id TEXT NOT NULL, case_id TEXT NOT NULL, verdict TEXT NOT NULL, body TEXT NOT NULL, finished_at TEXT NOT NULL,
        PRIMARY KEY (run_id, case_id), FOREIGN KEY (run_id, case_id) REFERENCES cases(run_id, case_id));
      CREATE TABLE response_cache (key TEXT PRIMARY KEY, body TEXT NOT NULL, created_at TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'audit_marks',
    up: `
      CREATE TABLE audit_marks (
        prompt_hash TEXT PRIMARY KEY, prompt TEXT NOT NULL, status TEXT NOT NULL, score DOUBLE PRECISION NOT NULL,
        evidence TEXT NOT NULL, audited_at TEXT NOT NULL);
    `,
  },
  {
    version: 3,
    name: 'run_contexts',
    up: `CREATE TABLE run_contexts (run_id TEXT PRIMARY KEY REFERENCES runs(id), body TEXT NOT NULL);`,
  },
  {
    // Answers are kept per run that asked, so a run reuses another's only when told which (or any).
    // The old table's keys lack the endpoint hash and the asking run: they can never be read again.
    version: 4,
    name: 'response_cache_per_run',
    up: `
      DROP TABLE response_cache;
      CREATE TABLE response_cache (
        key TEXT NOT NULL, run_id TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (key, run_id));
      CREATE INDEX response_cache_run ON response_cache (run_id);
    `,
  },
  {
    version: 5,
    name: 'cases_by_ord',
    // results are read back a page at a time in plan order (Store.resultPages): keyset on ord
    up: `CREATE INDEX cases_by_ord ON cases (run_id, ord);`,
  },
];
