import type { Database } from 'better-sqlite3';
import { applyMigrations, type Migration } from '../store/index.js';

/**
 * The monitor's tables. `id` is the record's identity hash (source, line or log id, content), so a
 * re-run of an interrupted ingest inserts nothing twice. Similarity to pack intents and twins is
 * kept per record (`match_*`) so windows and promote can reuse it without re-matching. Rows are
 * kept lean (time as epoch ms, signals as bits, the ingest by number): bytes written are most of
 * the cost of an insert, and a monitor writes millions.
 */
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
];

const ready = new WeakSet<Database>();

/** Brings the monitor tables up to date once per connection. */
export function ensureMonitorSchema(db: Database): void {
  if (ready.has(db)) return;
  applyMigrations(db, 'monitor', monitorMigrations);
  ready.add(db);
}
