import type { Database } from 'better-sqlite3';
import { applyMigrations, type Migration } from '../store/index.js';

/**
 * The monitor's tables. `id` is the record's identity hash (source, line or log id, content), so a
 * re-run of an interrupted ingest inserts nothing twice. Similarity to pack intents and twins is
 * kept per record (`match_*`) so windows and promote can reuse it without re-matching. Rows are
 * kept lean (time as epoch ms, signals as bits, the ingest by number): bytes written are most of
 * the cost of an insert, and a monitor writes millions.
 */
/**
 * Incidents replace per-window alerts: one row per change (see incident.ts), the same on SQLite and
 * Postgres. Records stored before leaks were flagged get the flag from their judge's leak signal
 * (bit 8 of signal_bits); the unsure-refusal half of the rule needs the text read again, which a
 * migration does not do.
 */
export const INCIDENTS_TABLE = `CREATE TABLE monitor_incidents (
  id INTEGER PRIMARY KEY AUTOINCREMENT, scope TEXT NOT NULL, family TEXT NOT NULL, metric TEXT NOT NULL, direction TEXT NOT NULL,
  status TEXT NOT NULL, start_window TEXT NOT NULL, detected_window TEXT NOT NULL, last_window TEXT NOT NULL, end_window TEXT,
  before REAL NOT NULL, before_n INTEGER NOT NULL, before_lo REAL NOT NULL, before_hi REAL NOT NULL,
  after REAL NOT NULL, after_n INTEGER NOT NULL, after_lo REAL NOT NULL, after_hi REAL NOT NULL,
  windows INTEGER NOT NULL, detectors TEXT NOT NULL, detections INTEGER NOT NULL, mirrors TEXT NOT NULL,
  notified_after REAL NOT NULL, acked_at TEXT, opened_at TEXT NOT NULL, updated_at TEXT NOT NULL, closed_at TEXT);
CREATE INDEX monitor_incidents_scope ON monitor_incidents (scope, status);`;

export const monitorMigrations: Migration[] = [
  {
    version: 1,
    name: 'records, alerts, ingests, config',
    up: `
      CREATE TABLE monitor_records (
        id TEXT PRIMARY KEY, source TEXT NOT NULL, line INTEGER, ts_ms INTEGER NOT NULL,
        prompt TEXT NOT NULL, response TEXT NOT NULL, context TEXT,
        verdict TEXT NOT NULL, confidence REAL NOT NULL, judge TEXT NOT NULL, template_key TEXT NOT NULL DEFAULT '',
        signal_bits INTEGER, latency_ms REAL,
        match_kind TEXT, match_ref TEXT, match_sim REAL,
        flags TEXT NOT NULL DEFAULT '', ingest_id INTEGER NOT NULL);
      CREATE INDEX monitor_records_ts ON monitor_records (ts_ms);
      CREATE TABLE monitor_alerts (
        id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE,
        metric TEXT NOT NULL, test TEXT NOT NULL, window_start TEXT NOT NULL, window_end TEXT NOT NULL,
        baseline REAL NOT NULL, value REAL NOT NULL, p_value REAL, statistic REAL NOT NULL, direction TEXT NOT NULL,
        n INTEGER NOT NULL, baseline_n INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'open', created_at TEXT NOT NULL, acked_at TEXT, notified_at TEXT);
      CREATE TABLE monitor_ingests (
        id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
        lines INTEGER NOT NULL DEFAULT 0, inserted INTEGER NOT NULL DEFAULT 0, duplicates INTEGER NOT NULL DEFAULT 0,
        malformed INTEGER NOT NULL DEFAULT 0, errors TEXT NOT NULL DEFAULT '[]');
      CREATE TABLE monitor_config (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'incidents instead of alerts; leak flags',
    up: `
      ${INCIDENTS_TABLE}
      DROP TABLE monitor_alerts;
      UPDATE monitor_records SET flags = CASE WHEN flags = '' THEN 'leak' ELSE flags || ',leak' END
        WHERE signal_bits & 8 != 0 AND flags NOT LIKE '%leak';
    `,
  },
];

const ready = new WeakSet<Database>();

/** Brings the monitor tables up to date once per connection. */
export function ensureMonitorSchema(db: Database): void {
  if (ready.has(db)) return;
  applyMigrations(db, 'monitor', monitorMigrations);
  ready.add(db);
}
