import type { Database } from 'better-sqlite3';
import type { SqliteFile } from '../store/index.js';
import { computeWindows } from './compute-windows.js';
import { readMonitorConfig, writeMonitorConfig } from './monitor-config.js';
import { ensureMonitorSchema } from './monitor-migrations.js';
import type { MonitorStore } from './monitor-store.js';
import { ackIncidents, applyIncidents, listIncidents } from './sqlite-incidents.js';

/**
 * The monitor on the local SQLite store: synchronous better-sqlite3 statements behind the async
 * contract. Ingest writes go through statements prepared once, the hot path of `monitor ingest`.
 */
export function sqliteMonitorStore(store: Pick<SqliteFile, 'db' | 'path'>, options: { close?: () => void } = {}): MonitorStore {
  const db: Database = store.db;
  ensureMonitorSchema(db);
  const exists = db.prepare<[string], number>('SELECT 1 FROM monitor_records WHERE id = ?').pluck();
  const insert = db.prepare(
    `INSERT OR IGNORE INTO monitor_records (id, source, line, ts_ms, prompt, response, context, verdict, confidence, judge,
      template_key, signal_bits, latency_ms, match_kind, match_ref, match_sim, flags, ingest_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const begin = db.prepare('INSERT INTO monitor_ingests (source, started_at) VALUES (?, ?)');
  const finish = db.prepare(
    'UPDATE monitor_ingests SET finished_at = ?, lines = ?, inserted = ?, duplicates = ?, malformed = ?, errors = ? WHERE id = ?',
  );
  return {
    kind: 'sqlite',
    path: store.path,
    file: store.path,
    exists: (id) => exists.get(id) !== undefined,
    readConfig: () => Promise.resolve(readMonitorConfig(db)),
    writeConfig: (patch) => Promise.resolve(writeMonitorConfig(db, patch)),
    beginIngest: (source) => Promise.resolve(Number(begin.run(source, new Date().toISOString()).lastInsertRowid)),
    insertRecords: (rows, meta) => {
      let inserted = 0;
      db.transaction(() => {
        for (const w of rows) {
          inserted += insert.run(
            w.id,
            meta.source,
            w.line,
            w.tsMs,
            w.prompt,
            w.response,
            w.context,
            w.verdict,
            w.confidence,
            meta.judge,
            w.templateKey,
            w.signalBits,
            w.latencyMs,
            w.matchKind,
            w.matchRef,
            w.matchSim,
            w.flags,
            meta.ingestId,
          ).changes;
        }
      })();
      return Promise.resolve(inserted);
    },
    finishIngest: (id, t) => {
      finish.run(t.finishedAt, t.lines, t.inserted, t.duplicates, t.malformed, JSON.stringify(t.errors), id);
      return Promise.resolve();
    },
    windows: (q) => Promise.resolve(computeWindows(db, q)),
    applyIncidents: (scope, computed, o) => Promise.resolve(applyIncidents(db, scope, computed, o)),
    listIncidents: (q) => Promise.resolve(listIncidents(db, q)),
    ackIncidents: (ids) => Promise.resolve(ackIncidents(db, ids)),
    countRecords: () => Promise.resolve(db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM monitor_records').get()?.n ?? 0),
    countLeaks: () =>
      Promise.resolve(db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM monitor_records WHERE flags LIKE '%leak'").get()?.n ?? 0),
    close: () => Promise.resolve(options.close?.()),
  };
}
