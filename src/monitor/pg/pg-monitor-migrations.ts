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
  '0002_incidents_leak_flags': {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`CREATE TABLE monitor_incidents (
        id SERIAL PRIMARY KEY, scope TEXT NOT NULL, family TEXT NOT NULL, metric TEXT NOT NULL, direction TEXT NOT NULL,
        status TEXT NOT NULL, start_window TEXT NOT NULL, detected_window TEXT NOT NULL, last_window TEXT NOT NULL, end_window TEXT,
        before DOUBLE PRECISION NOT NULL, before_n INTEGER NOT NULL, before_lo DOUBLE PRECISION NOT NULL, before_hi DOUBLE PRECISION NOT NULL,
        after DOUBLE PRECISION NOT NULL, after_n INTEGER NOT NULL, after_lo DOUBLE PRECISION NOT NULL, after_hi DOUBLE PRECISION NOT NULL,
        windows INTEGER NOT NULL, detectors TEXT NOT NULL, detections INTEGER NOT NULL, mirrors TEXT NOT NULL,
        notified_after DOUBLE PRECISION NOT NULL, acked_at TEXT, opened_at TEXT NOT NULL, updated_at TEXT NOT NULL, closed_at TEXT)`.execute(
        db,
      );
      await sql`CREATE INDEX monitor_incidents_scope ON monitor_incidents (scope, status)`.execute(db);
      await sql`DROP TABLE monitor_alerts`.execute(db);
      await sql`UPDATE monitor_records SET flags = CASE WHEN flags = '' THEN 'leak' ELSE flags || ',leak' END
        WHERE signal_bits & 8 <> 0 AND flags NOT LIKE '%leak'`.execute(db);
    },
  },
};
