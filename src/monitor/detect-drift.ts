import { splitBaseline, type BaselineSpec } from './baseline.js';
import { benjaminiHochberg, twoProportionZ } from './proportion-stats.js';
import { proportionOf, type RateMetric, type WindowStats } from './window-stats.js';

export type DriftTest = 'two-proportion-z' | 'cusum';

export interface DriftAlert {
  metric: RateMetric;
  /** Start of the window (ISO), as in the status's `windows[].start`. */
  window: string;
  windowEnd: string;
  baseline: number;
  value: number;
  test: DriftTest;
  /** Two-sided, unadjusted; the alert passed Benjamini–Hochberg at the configured rate. Absent for CUSUM. */
  pValue?: number;
  /** z for the z-test, the CUSUM sum for CUSUM. */
  statistic: number;
  direction: 'up' | 'down';
  n: number;
  baselineN: number;
}

export interface DriftOptions {
  windows: WindowStats[];
  baseline: BaselineSpec;
  metrics?: RateMetric[];
  /** False-discovery rate across every metric × window tested at once. */
  fdr?: number;
  /** Windows (and baselines) with fewer records are not z-tested. */
  minN?: number;
  /** Smallest absolute change in a rate worth an alert, however significant. */
  minEffect?: number;
  /** CUSUM reference value and decision threshold, in standard errors. */
  cusum?: { k: number; h: number };
  cusumMetrics?: RateMetric[];
}

export interface DriftResult {
  baseline: { windows: number; n: number; endMs: number; rates: Partial<Record<RateMetric, number>> };
  tested: number;
  alerts: DriftAlert[];
}

const DEFAULT_METRICS: RateMetric[] = ['refusal', 'partial', 'compliance', 'error', 'overRefusal', 'harmfulCompliance'];

/**
 * Two detectors: per-window two-proportion z-tests against the pooled baseline (sudden shifts),
 * with Benjamini–Hochberg across all tests; and a two-sided CUSUM of per-window standardised
 * differences (slow drift that no single window shows).
 */
export function detectDrift(options: DriftOptions): DriftResult {
  const metrics = options.metrics ?? DEFAULT_METRICS;
  const minN = options.minN ?? 30;
  const minEffect = options.minEffect ?? 0.02;
  const { k, h } = options.cusum ?? { k: 0.5, h: 5 };
  const { baseline, tested, endMs } = splitBaseline(options.windows, options.baseline);
  const pooled = new Map<RateMetric, { count: number; n: number }>();
  for (const m of metrics) {
    const acc = { count: 0, n: 0 };
    for (const w of baseline) {
      const p = proportionOf(w, m);
      acc.count += p.count;
      acc.n += p.n;
    }
    pooled.set(m, acc);
  }
  const rates: Partial<Record<RateMetric, number>> = {};
  for (const [m, p] of pooled) if (p.n > 0) rates[m] = p.count / p.n;

  const candidates: Array<DriftAlert & { p: number }> = [];
  for (const w of tested) {
    for (const m of metrics) {
      const base = pooled.get(m) as { count: number; n: number };
      const cur = proportionOf(w, m);
      if (cur.n < minN || base.n < minN) continue;
      const t = twoProportionZ(cur.count, cur.n, base.count, base.n);
      const value = cur.count / cur.n;
      const b = base.count / base.n;
      candidates.push({
        ...alertBase(m, w, b, value, cur.n, base.n),
        test: 'two-proportion-z',
        pValue: t.pValue,
        statistic: t.z,
        p: t.pValue,
      });
    }
  }
  const discoveries = benjaminiHochberg(
    candidates.map((c) => c.p),
    options.fdr ?? 0.05,
  );
  const alerts: DriftAlert[] = candidates
    .filter((c, i) => discoveries[i] && Math.abs(c.value - c.baseline) >= minEffect)
    .map(({ p: _p, ...a }) => a);

  for (const m of options.cusumMetrics ?? ['refusal', 'compliance', 'overRefusal', 'harmfulCompliance']) {
    const base = pooled.get(m);
    if (!base || base.n < minN) continue;
    // A baseline rate of exactly 0 or 1 would make every deviation infinitely significant.
    const p0 = Math.min(1 - 0.5 / base.n, Math.max(0.5 / base.n, base.count / base.n));
    let hi = 0;
    let lo = 0;
    for (const w of tested) {
      const cur = proportionOf(w, m);
      if (cur.n === 0) continue;
      const z = (cur.count / cur.n - p0) / Math.sqrt((p0 * (1 - p0)) / cur.n);
      hi = Math.max(0, hi + z - k);
      lo = Math.max(0, lo - z - k);
      if (hi > h || lo > h) {
        alerts.push({
          ...alertBase(m, w, base.count / base.n, cur.count / cur.n, cur.n, base.n),
          test: 'cusum',
          statistic: hi > h ? hi : -lo,
          direction: hi > h ? 'up' : 'down',
        });
        hi = 0;
        lo = 0;
      }
    }
  }
  alerts.sort((a, b) => a.window.localeCompare(b.window) || a.metric.localeCompare(b.metric) || a.test.localeCompare(b.test));
  return { baseline: { windows: baseline.length, n: baseline.reduce((s, w) => s + w.n, 0), endMs, rates }, tested: tested.length, alerts };
}

function alertBase(
  metric: RateMetric,
  w: WindowStats,
  baseline: number,
  value: number,
  n: number,
  baselineN: number,
): Omit<DriftAlert, 'test' | 'statistic'> {
  return { metric, window: w.start, windowEnd: w.end, baseline, value, direction: value >= baseline ? 'up' : 'down', n, baselineN };
}
