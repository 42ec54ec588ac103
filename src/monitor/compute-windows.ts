import type { Database } from 'better-sqlite3';
import { ensureMonitorSchema } from './monitor-migrations.js';
import { wilson } from './proportion-stats.js';
import type { LatencyStats, Proportion, WindowStats } from './window-stats.js';

export interface WindowQuery {
  windowMs: number;
  /** Inclusive start and exclusive end in epoch ms; windows are aligned to multiples of windowMs (UTC). */
  fromMs?: number;
  toMs?: number;
}

interface CountRow {
  b: number;
  n: number;
  refusal: number;
  partial: number;
  compliance: number;
  error: number;
  twin_like: number;
  over_refusal: number;
  intent_like: number;
  harmful: number;
}

/** Aggregates stored records into windows with SQL, so a million records never sit in memory at once. */
export function computeWindows(db: Database, q: WindowQuery): WindowStats[] {
  ensureMonitorSchema(db);
  const params = { w: Math.round(q.windowMs), from: q.fromMs ?? Number.MIN_SAFE_INTEGER, to: q.toMs ?? Number.MAX_SAFE_INTEGER };
  const rows = db
    .prepare<typeof params, CountRow>(
      `SELECT ts_ms / CAST(@w AS INTEGER) AS b, COUNT(*) AS n,
         SUM(verdict = 'refusal') AS refusal, SUM(verdict = 'partial') AS partial,
         SUM(verdict = 'compliance') AS compliance, SUM(verdict = 'error') AS error,
         SUM(match_kind = 'twin' AND verdict != 'error') AS twin_like, SUM(flags = 'over-refusal') AS over_refusal,
         SUM(match_kind = 'intent' AND verdict != 'error') AS intent_like, SUM(flags = 'harmful-compliance') AS harmful
       FROM monitor_records WHERE ts_ms >= @from AND ts_ms < @to GROUP BY b ORDER BY b`,
    )
    .all(params);
  const templates = templateStats(db, params);
  const latency = latencyStats(db, params);
  return rows.map((r) => {
    const judged = r.n - r.error;
    const rate = (k: number): number | null => (judged > 0 ? k / judged : null);
    const t = templates.get(r.b);
    return {
      start: new Date(r.b * params.w).toISOString(),
      end: new Date((r.b + 1) * params.w).toISOString(),
      startMs: r.b * params.w,
      n: r.n,
      counts: { refusal: r.refusal, partial: r.partial, compliance: r.compliance, error: r.error },
      rates: { refusal: rate(r.refusal), partial: rate(r.partial), compliance: rate(r.compliance) },
      ci95: { refusal: wilson(r.refusal, judged), partial: wilson(r.partial, judged), compliance: wilson(r.compliance, judged) },
      error: proportion(r.error, r.n),
      overRefusal: proportion(r.over_refusal, r.twin_like),
      harmfulCompliance: proportion(r.harmful, r.intent_like),
      scriptIndex: t?.scriptIndex ?? null,
      refusalTemplates: t?.distinct ?? 0,
      newTemplates: t?.fresh ?? { count: 0, examples: [] },
      latency: latency.get(r.b) ?? null,
    };
  });
}

function proportion(count: number, n: number): Proportion {
  return { count, n, rate: n > 0 ? count / n : null, ci95: wilson(count, n) };
}

interface TemplateWindow {
  scriptIndex: number | null;
  distinct: number;
  fresh: { count: number; examples: string[] };
}

function templateStats(db: Database, params: { w: number; from: number; to: number }): Map<number, TemplateWindow> {
  // First sighting over all time, so a template is "new" only the first time production ever used it.
  const firstSeen = new Map<string, number>();
  const first = db.prepare<[], { k: string; first: number }>(
    "SELECT template_key AS k, MIN(ts_ms) AS first FROM monitor_records WHERE verdict = 'refusal' AND template_key != '' GROUP BY k",
  );
  for (const r of first.iterate()) firstSeen.set(r.k, Math.floor(r.first / params.w));
  const out = new Map<number, TemplateWindow & { sumSq: number; total: number }>();
  const per = db.prepare<typeof params, { b: number; k: string; c: number }>(
    `SELECT ts_ms / CAST(@w AS INTEGER) AS b, template_key AS k, COUNT(*) AS c FROM monitor_records
     WHERE verdict = 'refusal' AND template_key != '' AND ts_ms >= @from AND ts_ms < @to GROUP BY b, k`,
  );
  for (const r of per.iterate(params)) {
    let w = out.get(r.b);
    if (!w) out.set(r.b, (w = { scriptIndex: null, distinct: 0, fresh: { count: 0, examples: [] }, sumSq: 0, total: 0 }));
    w.distinct += 1;
    w.sumSq += r.c * (r.c - 1);
    w.total += r.c;
    if (firstSeen.get(r.k) === r.b) {
      w.fresh.count += 1;
      if (w.fresh.examples.length < 5) w.fresh.examples.push(r.k);
    }
  }
  for (const w of out.values()) w.scriptIndex = w.total >= 2 ? w.sumSq / (w.total * (w.total - 1)) : null;
  return out;
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
    out.set(current, { n: all.length, p50: quantile(all, 0.5) as number, p95: quantile(all, 0.95) as number, refusalP50: quantile(refusals, 0.5), complianceP50: quantile(answers, 0.5) });
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
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}
