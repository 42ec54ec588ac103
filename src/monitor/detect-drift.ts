import { splitBaseline, type BaselineSpec } from './baseline.js';
import { benjaminiHochberg, twoProportionZ } from './proportion-stats.js';
import { proportionOf, type RateMetric, type WindowStats } from './window-stats.js';

export type DriftTest = 'two-proportion-z' | 'cusum';

/** One detector firing on one metric in one window: the raw material incidents are made of. */
export interface Detection {
  metric: RateMetric;
  /** Start of the window (ISO), as in the status's `windows[].start`. */
  window: string;
  windowEnd: string;
  /** Where the change began by this detector's reckoning: the window itself for the z-test, the start of the CUSUM run. */
  changeStart: string;
  baseline: number;
  value: number;
  test: DriftTest;
  /** Two-sided, unadjusted; the detection passed Benjamini–Hochberg at the configured rate. Absent for CUSUM. */
  pValue?: number;
  /** z for the z-test, the CUSUM sum for CUSUM. */
  statistic: number;
  direction: 'up' | 'down';
  n: number;
  baselineN: number;
  /**
   * Evidence enough to open an incident alone: a CUSUM alarm (it accumulates evidence over
   * windows), or a z-test that survives Bonferroni across every test. A z-test that passes only
   * Benjamini–Hochberg is real more often than not, but when many windows are shifted BH lets a
   * few quiet ones through; such a detection opens an incident only if another one confirms it.
   */
  strong: boolean;
}

export interface DriftOptions {
  windows: WindowStats[];
  baseline: BaselineSpec;
  metrics?: RateMetric[];
  /** False-discovery rate across every metric × window tested at once. */
  fdr?: number;
  /** Windows (and baselines) with fewer records are not tested by either detector. */
  minN?: number;
  /** Smallest absolute change in a rate worth an alert, however significant. */
  minEffect?: number;
  /** CUSUM reference value and decision threshold, in standard errors (DEFAULT_CUSUM). */
  cusum?: { k: number; h: number };
  cusumMetrics?: RateMetric[];
}

export interface PooledBaseline {
  windows: number;
  n: number;
  endMs: number;
  /** Pooled count and denominator of each metric over the baseline windows. */
  pooled: Partial<Record<RateMetric, { count: number; n: number }>>;
  rates: Partial<Record<RateMetric, number>>;
}

export interface DriftResult {
  baseline: PooledBaseline;
  /** The windows after the baseline: the ones tested. */
  tested: WindowStats[];
  detections: Detection[];
}

export const DEFAULT_DRIFT_METRICS: RateMetric[] = [
  'refusal',
  'partial',
  'compliance',
  'error',
  'notUnderstood',
  'overRefusal',
  'harmfulCompliance',
];
/**
 * Reference value and decision threshold in standard errors. h = 8 rather than the textbook 5:
 * on simulated quiet traffic (four days of 52 records an hour, a one-day baseline, 200 seeds) CUSUM
 * alarmed in 36% of runs at h = 5, 12% with the baseline allowance below, 0.5% at h = 8 with it,
 * while a 10-point step is still found within three windows of its start.
 */
export const DEFAULT_CUSUM = { k: 0.5, h: 8 };
export const DEFAULT_CUSUM_METRICS: RateMetric[] = ['refusal', 'compliance', 'overRefusal', 'harmfulCompliance'];

/**
 * Two detectors: per-window two-proportion z-tests against the pooled baseline (sudden shifts),
 * with Benjamini–Hochberg across all tests; and a two-sided CUSUM of per-window standardised
 * differences (slow drift that no single window shows). Neither looks at a window with fewer than
 * `minN` records in the metric's denominator: five records say nothing about a rate.
 */
export function detectDrift(options: DriftOptions): DriftResult {
  const metrics = options.metrics ?? DEFAULT_DRIFT_METRICS;
  const minN = options.minN ?? 30;
  const minEffect = options.minEffect ?? 0.02;
  const { baseline, tested, endMs } = splitBaseline(options.windows, options.baseline);
  const pooledBase = poolBaseline(baseline, [...new Set([...metrics, ...(options.cusumMetrics ?? DEFAULT_CUSUM_METRICS)])], endMs);

  const candidates: Array<Omit<Detection, 'strong'> & { p: number }> = [];
  for (const w of tested) {
    for (const m of metrics) {
      const base = pooledBase.pooled[m] as { count: number; n: number };
      const cur = proportionOf(w, m);
      if (cur.n < minN || base.n < minN) continue;
      const t = twoProportionZ(cur.count, cur.n, base.count, base.n);
      const value = cur.count / cur.n;
      const b = base.count / base.n;
      candidates.push({
        ...detectionBase(m, w, b, value, cur.n, base.n),
        changeStart: w.start,
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
  const fdr = options.fdr ?? 0.05;
  const detections: Detection[] = candidates
    .filter((c, i) => discoveries[i] && Math.abs(c.value - c.baseline) >= minEffect)
    .map(({ p, ...a }) => ({ ...a, strong: p * candidates.length <= fdr }));

  const { k, h } = options.cusum ?? DEFAULT_CUSUM;
  for (const m of options.cusumMetrics ?? DEFAULT_CUSUM_METRICS) {
    const base = pooledBase.pooled[m];
    if (!base || base.n < minN) continue;
    const p0 = clampedRate(base);
    let hi = 0;
    let lo = 0;
    let hiStart = '';
    let loStart = '';
    for (const w of tested) {
      const cur = proportionOf(w, m);
      if (cur.n < minN) continue;
      const z = (cur.count / cur.n - p0) / Math.sqrt((p0 * (1 - p0)) / cur.n);
      // The baseline rate is an estimate too: its error, in this window's standard errors, is
      // sqrt(n / baseline n), and it is the same in every window, so it adds up. Allowing for one
      // such error keeps a baseline of one day from alarming on quiet weeks.
      const slack = k + Math.sqrt(cur.n / base.n);
      if (hi === 0) hiStart = w.start;
      if (lo === 0) loStart = w.start;
      hi = Math.max(0, hi + z - slack);
      lo = Math.max(0, lo - z - slack);
      if (hi > h || lo > h) {
        const up = hi > h;
        detections.push({
          ...detectionBase(m, w, base.count / base.n, cur.count / cur.n, cur.n, base.n),
          changeStart: up ? hiStart : loStart,
          test: 'cusum',
          statistic: up ? hi : -lo,
          direction: up ? 'up' : 'down',
          strong: true,
        });
        hi = 0;
        lo = 0;
      }
    }
  }
  detections.sort((a, b) => a.window.localeCompare(b.window) || a.metric.localeCompare(b.metric) || a.test.localeCompare(b.test));
  return { baseline: pooledBase, tested, detections };
}

/** A baseline rate kept off exactly 0 or 1, where every deviation would be infinitely significant. */
export function clampedRate(base: { count: number; n: number }): number {
  return Math.min(1 - 0.5 / base.n, Math.max(0.5 / base.n, base.count / base.n));
}

function poolBaseline(baseline: WindowStats[], metrics: RateMetric[], endMs: number): PooledBaseline {
  const pooled: PooledBaseline['pooled'] = {};
  const rates: PooledBaseline['rates'] = {};
  for (const m of metrics) {
    const acc = { count: 0, n: 0 };
    for (const w of baseline) {
      const p = proportionOf(w, m);
      acc.count += p.count;
      acc.n += p.n;
    }
    pooled[m] = acc;
    if (acc.n > 0) rates[m] = acc.count / acc.n;
  }
  return { windows: baseline.length, n: baseline.reduce((s, w) => s + w.n, 0), endMs, pooled, rates };
}

function detectionBase(
  metric: RateMetric,
  w: WindowStats,
  baseline: number,
  value: number,
  n: number,
  baselineN: number,
): Omit<Detection, 'test' | 'statistic' | 'changeStart' | 'strong'> {
  return { metric, window: w.start, windowEnd: w.end, baseline, value, direction: value >= baseline ? 'up' : 'down', n, baselineN };
}
