import { sql, type Kysely } from 'kysely';
import type { MonitorStore } from '../monitor-store.js';
import { eventsOf, INCIDENT_COLUMNS, incidentFromRow, incidentValues, type IncidentRow } from '../incident-row.js';
import { planIncidents } from '../plan-incidents.js';

type IncidentMethods = Pick<MonitorStore, 'applyIncidents' | 'listIncidents' | 'ackIncidents'>;

/**
 * Incidents in a shared Postgres. Several instances evaluate after their own ingests; each
 * reconciles under a transaction-scoped advisory lock on the scope, so the second one reads what
 * the first wrote and reports nothing twice: each change is announced by exactly one instance.
 */
export function pgIncidents(db: Kysely<unknown>): IncidentMethods {
  const columns = sql.raw(INCIDENT_COLUMNS.join(', '));
  const listIncidents: IncidentMethods['listIncidents'] = async (q = {}) => {
    const where = [];
    if (q.status !== 'all') where.push(sql`status = 'open'`);
    if (q.scope !== undefined) where.push(sql`scope = ${q.scope}`);
    if (q.ids) where.push(q.ids.length ? sql`id IN (${sql.join(q.ids.map(Number))})` : sql`FALSE`);
    const r = await sql<IncidentRow>`SELECT * FROM monitor_incidents ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
      ORDER BY start_window DESC, id DESC LIMIT ${q.limit ?? 1000}`.execute(db);
    return r.rows.map(incidentFromRow);
  };
  return {
    listIncidents,
    applyIncidents: (scope, computed, o) =>
      db.transaction().execute(async (tx) => {
        await sql`SELECT pg_advisory_xact_lock(hashtext(${`refusal-drill/monitor_incidents/${scope}`}))`.execute(tx);
        const now = new Date().toISOString();
        const rows = await sql<IncidentRow>`SELECT * FROM monitor_incidents WHERE scope = ${scope}`.execute(tx);
        const stored = rows.rows.map(incidentFromRow);
        const byId = new Map(stored.map((s) => [s.id, s]));
        const writes = planIncidents(stored, computed, o);
        const ids: number[] = [];
        for (const w of writes) {
          if (w.id === undefined) {
            const values = incidentValues(w, now, null);
            const r = await sql<{ id: number }>`INSERT INTO monitor_incidents (scope, opened_at, ${columns})
              VALUES (${scope}, ${now}, ${sql.join(values)}) RETURNING id`.execute(tx);
            ids.push(Number(r.rows[0]?.id));
          } else {
            const values = incidentValues(w, now, byId.get(w.id)?.closedAt ?? null);
            const sets = INCIDENT_COLUMNS.map((c, i) => sql`${sql.ref(c)} = ${values[i] ?? null}`);
            await sql`UPDATE monitor_incidents SET ${sql.join(sets)} WHERE id = ${w.id}`.execute(tx);
            ids.push(w.id);
          }
        }
        if (ids.length === 0) return [];
        const after = await sql<IncidentRow>`SELECT * FROM monitor_incidents WHERE id IN (${sql.join(ids)})`.execute(tx);
        return eventsOf(writes, ids, new Map(after.rows.map((r) => [Number(r.id), incidentFromRow(r)])));
      }),
    ackIncidents: async (ids) => {
      const now = new Date().toISOString();
      if (ids !== 'all' && ids.length === 0) return 0;
      const which = ids === 'all' ? sql`AND status = 'open'` : sql`AND id IN (${sql.join(ids.map(Number))})`;
      const r = await sql`UPDATE monitor_incidents SET acked_at = ${now} WHERE acked_at IS NULL ${which}`.execute(db);
      return Number(r.numAffectedRows ?? 0n);
    },
  };
}
