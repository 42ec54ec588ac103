import { sql, type Kysely } from 'kysely';
import type { WindowQuery } from '../compute-windows.js';
import { assembleWindows, templateWindows, type TemplateCountRow, type WindowCountRow } from '../window-assembly.js';
import type { LatencyStats, WindowStats } from '../window-stats.js';

/**
 * The windows of a shared Postgres monitor: the same aggregates as the SQLite store's, with
 * Postgres spellings (FILTER, casts), and latency quantiles taken in the database at the same rank
 * (index floor(q·n) of the sorted values) so no instance pulls every record over the wire.
 */
export async function pgWindows(db: Kysely<unknown>, q: WindowQuery): Promise<WindowStats[]> {
  const w = Math.round(q.windowMs);
  const from = q.fromMs ?? Number.MIN_SAFE_INTEGER;
  const to = q.toMs ?? Number.MAX_SAFE_INTEGER;
  const counts = await sql<WindowCountRow>`
    SELECT (ts_ms / ${w})::float8 AS b, COUNT(*)::int AS n,
      COUNT(*) FILTER (WHERE verdict = 'refusal')::int AS refusal, COUNT(*) FILTER (WHERE verdict = 'partial')::int AS partial,
      COUNT(*) FILTER (WHERE verdict = 'compliance')::int AS compliance,
      COUNT(*) FILTER (WHERE verdict = 'not_understood')::int AS not_understood, COUNT(*) FILTER (WHERE verdict = 'error')::int AS error,
      COUNT(*) FILTER (WHERE match_kind = 'twin' AND verdict NOT IN ('error', 'not_understood'))::int AS twin_like,
      COUNT(*) FILTER (WHERE flags LIKE 'over-refusal%')::int AS over_refusal,
      COUNT(*) FILTER (WHERE match_kind = 'intent' AND verdict NOT IN ('error', 'not_understood'))::int AS intent_like,
      COUNT(*) FILTER (WHERE flags LIKE 'harmful-compliance%')::int AS harmful, COUNT(*) FILTER (WHERE flags LIKE '%leak')::int AS leak
    FROM monitor_records WHERE ts_ms >= ${from} AND ts_ms < ${to} GROUP BY 1 ORDER BY 1`.execute(db);

  const first = await sql<{ k: string; first: number }>`
    SELECT template_key AS k, MIN(ts_ms)::float8 AS first FROM monitor_records
    WHERE verdict = 'refusal' AND template_key <> '' GROUP BY 1`.execute(db);
  const firstSeen = new Map(first.rows.map((r) => [r.k, Math.floor(r.first / w)]));
  const per = await sql<TemplateCountRow>`
    SELECT (ts_ms / ${w})::float8 AS b, template_key AS k, COUNT(*)::int AS c FROM monitor_records
    WHERE verdict = 'refusal' AND template_key <> '' AND ts_ms >= ${from} AND ts_ms < ${to} GROUP BY 1, 2`.execute(db);

  const lat = await sql<{ b: number; n: number; p50: number; p95: number; refusal_p50: number | null; compliance_p50: number | null }>`
    SELECT b, n, v[LEAST(n, FLOOR(0.5 * n)::int + 1)] AS p50, v[LEAST(n, FLOOR(0.95 * n)::int + 1)] AS p95,
      r[LEAST(rn, FLOOR(0.5 * rn)::int + 1)] AS refusal_p50, c[LEAST(cn, FLOOR(0.5 * cn)::int + 1)] AS compliance_p50
    FROM (
      SELECT (ts_ms / ${w})::float8 AS b, COUNT(*)::int AS n, array_agg(latency_ms ORDER BY latency_ms) AS v,
        COUNT(*) FILTER (WHERE verdict = 'refusal')::int AS rn,
        array_agg(latency_ms ORDER BY latency_ms) FILTER (WHERE verdict = 'refusal') AS r,
        COUNT(*) FILTER (WHERE verdict = 'compliance')::int AS cn,
        array_agg(latency_ms ORDER BY latency_ms) FILTER (WHERE verdict = 'compliance') AS c
      FROM monitor_records WHERE latency_ms IS NOT NULL AND ts_ms >= ${from} AND ts_ms < ${to} GROUP BY 1
    ) t ORDER BY b`.execute(db);
  const latency = new Map<number, LatencyStats>(
    lat.rows.map((r) => [r.b, { n: r.n, p50: r.p50, p95: r.p95, refusalP50: r.refusal_p50, complianceP50: r.compliance_p50 }]),
  );
  return assembleWindows(w, counts.rows, templateWindows(per.rows, firstSeen), latency);
}
