import { wilson } from './proportion-stats.js';
import type { LatencyStats, Proportion, WindowStats } from './window-stats.js';

/** One window's counts as the stores' aggregate queries return them; `b` is the window number (start / size). */
export interface WindowCountRow {
  b: number;
  n: number;
  refusal: number;
  partial: number;
  compliance: number;
  not_understood: number;
  error: number;
  twin_like: number;
  over_refusal: number;
  intent_like: number;
  harmful: number;
  leak: number;
}

/** How often one refusal template was used in one window. */
export interface TemplateCountRow {
  b: number;
  k: string;
  c: number;
}

export interface TemplateWindow {
  scriptIndex: number | null;
  distinct: number;
  fresh: { count: number; examples: string[] };
}

/**
 * Script index (Simpson: the chance two refusals share a template), distinct templates, and the
 * templates first used in each window. `firstSeen` is each template's first window over all time,
 * so a template is "new" only the first time production ever used it.
 */
export function templateWindows(rows: Iterable<TemplateCountRow>, firstSeen: Map<string, number>): Map<number, TemplateWindow> {
  const out = new Map<number, TemplateWindow & { sumSq: number; total: number }>();
  for (const r of rows) {
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

/** Turns aggregate rows into the windows `status` and the drift detectors read. */
export function assembleWindows(
  windowMs: number,
  rows: WindowCountRow[],
  templates: Map<number, TemplateWindow>,
  latency: Map<number, LatencyStats>,
): WindowStats[] {
  return rows.map((r) => {
    const judged = r.n - r.error - r.not_understood;
    const rate = (k: number): number | null => (judged > 0 ? k / judged : null);
    const t = templates.get(r.b);
    return {
      start: new Date(r.b * windowMs).toISOString(),
      end: new Date((r.b + 1) * windowMs).toISOString(),
      startMs: r.b * windowMs,
      n: r.n,
      counts: { refusal: r.refusal, partial: r.partial, compliance: r.compliance, not_understood: r.not_understood, error: r.error },
      rates: { refusal: rate(r.refusal), partial: rate(r.partial), compliance: rate(r.compliance) },
      ci95: { refusal: wilson(r.refusal, judged), partial: wilson(r.partial, judged), compliance: wilson(r.compliance, judged) },
      error: proportion(r.error, r.n),
      notUnderstood: proportion(r.not_understood, r.n),
      overRefusal: proportion(r.over_refusal, r.twin_like),
      harmfulCompliance: proportion(r.harmful, r.intent_like),
      leaks: proportion(r.leak, judged),
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

/** The quantile both stores use: the value at index floor(q·n) of the sorted values. */
export function quantileIndex(n: number, q: number): number {
  return Math.min(n - 1, Math.floor(q * n));
}
