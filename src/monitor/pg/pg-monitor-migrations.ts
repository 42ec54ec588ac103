import { sql, type Kysely, type Migration } from 'kysely';

/** The monitor's tables in a shared Postgres: the same columns as the SQLite store's `monitor` migrations. */
export const pgMonitorMigrations: Record<string, Migration> = {
  '0001_records_alerts_ingests_config': {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`CREATE TABLE monitor_records (
        id TEXT PRIMARY KEY, source TEXT NOT NULL, line INTEGER, ts_ms BIGINT NOT NULL,
        prompt TEXT NOT NULL, response TEXT NOT NULL, context TEXT,
        verdict TEXT NOT NULL, confidence DOUBLE PRECISION NOT NULL, judge TEXT NOT NULL, template_key TEXT NOT NULL DEFAULT '',
        signal_bits INTEGER, latency_ms DOUBLE PRECISION,
        match_kind TEXT, match_ref TEXT, match_sim DOUBLE PRECISION,
        flags TEXT NOT NULL DEFAULT '', ingest_id INTEGER NOT NULL)`.execute(db);
      await sql`CREATE INDEX monitor_records_ts ON monitor_records (ts_ms)`.execute(db);
      await sql`CREATE TABLE monitor_alerts (
        id SERIAL PRIMARY KEY, key TEXT NOT NULL UNIQUE,
        metric TEXT NOT NULL, test TEXT NOT NULL, window_start TEXT NOT NULL, window_end TEXT NOT NULL,
        baseline DOUBLE PRECISION NOT NULL, value DOUBLE PRECISION NOT NULL, p_value DOUBLE PRECISION, statistic DOUBLE PRECISION NOT NULL,
        direction TEXT NOT NULL, n INTEGER NOT NULL, baseline_n INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'open', created_at TEXT NOT NULL, acked_at TEXT, notified_at TEXT)`.execute(db);
      await sql`CREATE TABLE monitor_ingests (
        id SERIAL PRIMARY KEY, source TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
        lines INTEGER NOT NULL DEFAULT 0, inserted INTEGER NOT NULL DEFAULT 0, duplicates INTEGER NOT NULL DEFAULT 0,
        malformed INTEGER NOT NULL DEFAULT 0, errors TEXT NOT NULL DEFAULT '[]')`.execute(db);
      await sql`CREATE TABLE monitor_config (key TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(db);
    },
  },
};
