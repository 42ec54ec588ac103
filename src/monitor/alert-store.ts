import type { Database } from 'better-sqlite3';
import type { DriftAlert, DriftTest } from './detect-drift.js';
import { ensureMonitorSchema } from './monitor-migrations.js';
import type { RateMetric } from './window-stats.js';

export interface StoredAlert extends DriftAlert {
  id: number;
  status: 'open' | 'acked';
  createdAt: string;
}

export interface AlertRow {
  id: number;
  metric: string;
  test: string;
  window_start: string;
  window_end: string;
  baseline: number;
  value: number;
  p_value: number | null;
  statistic: number;
  direction: string;
  n: number;
  baseline_n: number;
  status: string;
  created_at: string;
}

/**
 * Stores alerts once each: the key is metric, test, window and the baseline they were measured
 * against, so re-evaluating after every ingest reports only what is new.
 */
export function saveAlerts(db: Database, alerts: DriftAlert[], scope: string): StoredAlert[] {
  ensureMonitorSchema(db);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO monitor_alerts (key, metric, test, window_start, window_end, baseline, value, p_value, statistic, direction, n, baseline_n, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const created: number[] = [];
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const a of alerts) {
      const r = insert.run(
        alertKey(a, scope),
        a.metric,
        a.test,
        a.window,
        a.windowEnd,
        a.baseline,
        a.value,
        a.pValue ?? null,
        a.statistic,
        a.direction,
        a.n,
        a.baselineN,
        now,
      );
      if (r.changes > 0) created.push(Number(r.lastInsertRowid));
    }
  })();
  return created.length ? listAlerts(db, { ids: created, order: 'oldest' }) : [];
}

export interface AlertQuery {
  status?: 'open' | 'all';
  ids?: number[];
  limit?: number;
  order?: 'newest' | 'oldest';
}

/** The key an alert is stored under: the same drift seen again, by any instance, is the same alert. */
export function alertKey(a: DriftAlert, scope: string): string {
  return `${a.metric}|${a.test}|${a.window}|${a.windowEnd}|${scope}`;
}

export function listAlerts(db: Database, options: AlertQuery = {}): StoredAlert[] {
  ensureMonitorSchema(db);
  const where: string[] = [];
  if (options.status !== 'all' && !options.ids) where.push("status = 'open'");
  if (options.ids) where.push(`id IN (${options.ids.map(Number).join(',')})`);
  const sql = `SELECT * FROM monitor_alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${options.order === 'oldest' ? 'window_start, id' : 'window_start DESC, id DESC'} LIMIT ?`;
  return db
    .prepare<[number], AlertRow>(sql)
    .all(options.limit ?? 1000)
    .map(alertFromRow);
}

/** Closes alerts by id, or every open one. Returns how many changed. */
export function ackAlerts(db: Database, ids: number[] | 'all'): number {
  ensureMonitorSchema(db);
  const now = new Date().toISOString();
  if (ids === 'all') return db.prepare("UPDATE monitor_alerts SET status = 'acked', acked_at = ? WHERE status = 'open'").run(now).changes;
  const stmt = db.prepare("UPDATE monitor_alerts SET status = 'acked', acked_at = ? WHERE id = ? AND status = 'open'");
  let changed = 0;
  db.transaction(() => {
    for (const id of ids) changed += stmt.run(now, id).changes;
  })();
  return changed;
}

export function markNotified(db: Database, ids: number[]): void {
  const stmt = db.prepare('UPDATE monitor_alerts SET notified_at = ? WHERE id = ?');
  const now = new Date().toISOString();
  db.transaction(() => ids.forEach((id) => stmt.run(now, id)))();
}

export function alertFromRow(r: AlertRow): StoredAlert {
  return {
    id: r.id,
    metric: r.metric as RateMetric,
    test: r.test as DriftTest,
    window: r.window_start,
    windowEnd: r.window_end,
    baseline: r.baseline,
    value: r.value,
    ...(r.p_value === null ? {} : { pValue: r.p_value }),
    statistic: r.statistic,
    direction: r.direction === 'down' ? 'down' : 'up',
    n: r.n,
    baselineN: r.baseline_n,
    status: r.status === 'acked' ? 'acked' : 'open',
    createdAt: r.created_at,
  };
}
