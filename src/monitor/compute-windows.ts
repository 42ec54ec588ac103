import type { Database } from 'better-sqlite3';
import { ensureMonitorSchema } from './monitor-migrations.js';
import {
  assembleWindows,
  quantileIndex,
  templateWindows,
  type TemplateCountRow,
  type TemplateWindow,
  type WindowCountRow,
} from './window-assembly.js';
import type { LatencyStats, WindowStats } from './window-stats.js';

export interface WindowQuery {
  windowMs: number;
  /** Inclusive start and exclusive end in epoch ms; windows are aligned to multiples of windowMs (UTC). */
  fromMs?: number;
  toMs?: number;
}

/** Aggregates stored records into windows with SQL, so a million records never sit in memory at once. */
export function computeWindows(db: Database, q: WindowQuery): WindowStats[] {
  ensureMonitorSchema(db);
  const params = { w: Math.round(q.windowMs), from: q.fromMs ?? Number.MIN_SAFE_INTEGER, to: q.toMs ?? Number.MAX_SAFE_INTEGER };
  const rows = db
    .prepare<typeof params, WindowCountRow>(
      // COUNT … FILTER, as on Postgres: a count of no matching rows is 0, where SUM of a comparison
      // that is NULL on every row (no look-alikes) would be NULL.
      `SELECT ts_ms / CAST(@w AS INTEGER) AS b, COUNT(*) AS n,
         COUNT(*) FILTER (WHERE verdict = 'refusal') AS refusal, COUNT(*) FILTER (WHERE verdict = 'partial') AS partial,
         COUNT(*) FILTER (WHERE verdict = 'compliance') AS compliance, COUNT(*) FILTER (WHERE verdict = 'not_understood') AS not_understood,
         COUNT(*) FILTER (WHERE verdict = 'error') AS error,
         COUNT(*) FILTER (WHERE match_kind = 'twin' AND verdict NOT IN ('error', 'not_understood')) AS twin_like,
         COUNT(*) FILTER (WHERE flags LIKE 'over-refusal%') AS over_refusal,
         COUNT(*) FILTER (WHERE match_kind = 'intent' AND verdict NOT IN ('error', 'not_understood')) AS intent_like,
         COUNT(*) FILTER (WHERE flags LIKE 'harmful-compliance%') AS harmful, COUNT(*) FILTER (WHERE flags LIKE '%leak') AS leak
       FROM monitor_records WHERE ts_ms >= @from AND ts_ms < @to GROUP BY b ORDER BY b`,
    )
    .all(params);
  return assembleWindows(params.w, rows, templateStats(db, params), latencyStats(db, params));
}

function templateStats(db: Database, params: { w: number; from: number; to: number }): Map<number, TemplateWindow> {
  const firstSeen = new Map<string, number>();
  const first = db.prepare<[], { k: string; first: number }>(
    "SELECT template_key AS k, MIN(ts_ms) AS first FROM monitor_records WHERE verdict = 'refusal' AND template_key != '' GROUP BY k",
  );
  for (const r of first.iterate()) firstSeen.set(r.k, Math.floor(r.first / params.w));
  const per = db.prepare<typeof params, TemplateCountRow>(
    `SELECT ts_ms / CAST(@w AS INTEGER) AS b, template_key AS k, COUNT(*) AS c FROM monitor_records
     WHERE verdict = 'refusal' AND template_key != '' AND ts_ms >= @from AND ts_ms < @to GROUP BY b, k`,
  );
  return templateWindows(per.iterate(params), firstSeen);
}

function latencyStats(db: Database, params: { w: number; from: number; to: number }): Map<number, LatencyStats> {
  const out = new Map<number, LatencyStats>();
  const stmt = db.prepare<typeof params, { b: number; v: string; l: number }>(
    `SELECT ts_ms / CAST(@w AS INTEGER) AS b, verdict AS v, latency_ms AS l FROM monitor_records
     WHERE latency_ms IS NOT NULL AND ts_ms >= @from AND ts_ms < @to ORDER BY b`,
  );
  let current = -Infinity;
  let all: number[] = [];
  let refusals: number[] = [];
  let answers: number[] = [];
  const close = (): void => {
    if (all.length === 0) return;
    out.set(current, {
      n: all.length,
      p50: quantile(all, 0.5) as number,
      p95: quantile(all, 0.95) as number,
      refusalP50: quantile(refusals, 0.5),
      complianceP50: quantile(answers, 0.5),
    });
  };
  for (const r of stmt.iterate(params)) {
    if (r.b !== current) {
      close();
      current = r.b;
      all = [];
      refusals = [];
      answers = [];
    }
    all.push(r.l);
    if (r.v === 'refusal') refusals.push(r.l);
    else if (r.v === 'compliance') answers.push(r.l);
  }
  close();
  return out;
}

function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return sorted[quantileIndex(sorted.length, q)] as number;
}
