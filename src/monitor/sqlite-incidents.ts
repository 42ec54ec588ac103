import type { Database } from 'better-sqlite3';
import type { Incident, IncidentEvent, StoredIncident } from './incident.js';
import { eventsOf, INCIDENT_COLUMNS, incidentFromRow, incidentValues, type IncidentQuery, type IncidentRow } from './incident-row.js';
import { ensureMonitorSchema } from './monitor-migrations.js';
import { planIncidents } from './plan-incidents.js';

/**
 * Brings the stored incidents of a scope in line with the computed ones, in one write transaction
 * taken before reading (IMMEDIATE): a second process evaluating at the same time waits, then finds
 * the rows written and reports nothing twice. Returns the events this call caused.
 */
export function applyIncidents(db: Database, scope: string, computed: Incident[], o: { minEffect: number }): IncidentEvent[] {
  ensureMonitorSchema(db);
  const insert = db.prepare(
    `INSERT INTO monitor_incidents (scope, opened_at, ${INCIDENT_COLUMNS.join(', ')}) VALUES (?, ?, ${INCIDENT_COLUMNS.map(() => '?').join(', ')})`,
  );
  const update = db.prepare(`UPDATE monitor_incidents SET ${INCIDENT_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
  return db
    .transaction(() => {
      const now = new Date().toISOString();
      const stored = listIncidents(db, { scope, status: 'all', limit: 100_000 });
      const byId = new Map(stored.map((s) => [s.id, s]));
      const writes = planIncidents(stored, computed, o);
      const ids = writes.map((w) => {
        if (w.id === undefined) return Number(insert.run(scope, now, ...incidentValues(w, now, null)).lastInsertRowid);
        update.run(...incidentValues(w, now, byId.get(w.id)?.closedAt ?? null), w.id);
        return w.id;
      });
      const after = new Map(listIncidents(db, { ids, status: 'all' }).map((i) => [i.id, i]));
      return eventsOf(writes, ids, after);
    })
    .immediate();
}

export function listIncidents(db: Database, q: IncidentQuery = {}): StoredIncident[] {
  ensureMonitorSchema(db);
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (q.status !== 'all') where.push("status = 'open'");
  if (q.scope !== undefined) {
    where.push('scope = ?');
    params.push(q.scope);
  }
  if (q.ids) where.push(q.ids.length ? `id IN (${q.ids.map(Number).join(',')})` : '0');
  const sql = `SELECT * FROM monitor_incidents ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY start_window DESC, id DESC LIMIT ?`;
  return db
    .prepare<Array<string | number>, IncidentRow>(sql)
    .all(...params, q.limit ?? 1000)
    .map(incidentFromRow);
}

/** Marks incidents seen (they stay open until the metric is back in band). Returns how many changed. */
export function ackIncidents(db: Database, ids: number[] | 'all'): number {
  ensureMonitorSchema(db);
  const now = new Date().toISOString();
  if (ids === 'all')
    return db.prepare("UPDATE monitor_incidents SET acked_at = ? WHERE acked_at IS NULL AND status = 'open'").run(now).changes;
  const stmt = db.prepare('UPDATE monitor_incidents SET acked_at = ? WHERE id = ? AND acked_at IS NULL');
  let changed = 0;
  db.transaction(() => {
    for (const id of ids) changed += stmt.run(now, id).changes;
  })();
  return changed;
}
