import type { MetricValue, MetricId, Interval } from '../../metrics/index.js';
import { metricRegistry, moverDifference, moverRatio, newcombe } from '../../metrics/index.js';

/**
 * How the interval of a change was found: Newcombe for a difference of proportions, MOVER from
 * each run's own interval for other bounded figures (script index, specificity, held-out gap),
 * MOVER on the log scale for a ratio (latency), whose change is a factor.
 */
export type ChangeMethod = 'newcombe' | 'mover' | 'mover-log';

export interface MetricChange {
  /** `overall`, or the slice: `principle=phishing`, `mutation=fiction`, `split=heldout`. */
  scope: string;
  metric: MetricId;
  a: number | null;
  b: number | null;
  /** The n behind each figure; null when that run has no figure. */
  nA: number | null;
  nB: number | null;
  /** `difference`: change = B − A. `factor`: change = B ÷ A (ratios). */
  scale: 'difference' | 'factor';
  /** null when either run has no figure. */
  change: number | null;
  /** 95% interval of the change; it stays within the range the metric allows. */
  ci95: Interval | null;
  method: ChangeMethod | null;
  /** The interval excludes no change (0, or 1 for a factor). */
  outsideNoise: boolean;
  /** Which way the figure moved, whether or not outside the noise; `changed` when neither way is better. */
  direction: 'better' | 'worse' | 'changed' | 'same' | 'n/a';
}

/** One metric in two runs: the change with an interval that respects the metric's range. */
export function metricChange(scope: string, metric: MetricId, a: MetricValue, b: MetricValue): MetricChange {
  const def = metricRegistry[metric];
  const scale = def.unit === 'ratio' ? 'factor' : 'difference';
  const base = {
    scope,
    metric,
    a: a.value,
    b: b.value,
    nA: a.value === null ? null : a.n,
    nB: b.value === null ? null : b.n,
    scale,
  } as const;
  if (a.value === null || b.value === null)
    return { ...base, change: null, ci95: null, method: null, outsideNoise: false, direction: 'n/a' };
  const found = interval(def.proportion, scale, { ...a, value: a.value }, { ...b, value: b.value });
  const change = scale === 'factor' ? (a.value === 0 ? null : b.value / a.value) : b.value - a.value;
  const none = scale === 'factor' ? 1 : 0;
  const ci95 = found?.ci95 ?? null;
  const outsideNoise = ci95 !== null && (ci95[0] > none || ci95[1] < none);
  const moved = b.value - a.value;
  const direction =
    Math.abs(moved) < 1e-12 ? 'same' : def.better === 'none' ? 'changed' : moved > 0 === (def.better === 'higher') ? 'better' : 'worse';
  return { ...base, change, ci95, method: found?.method ?? null, outsideNoise, direction };
}

type Figure = MetricValue & { value: number };

function interval(
  proportion: boolean,
  scale: 'difference' | 'factor',
  a: Figure,
  b: Figure,
): { ci95: Interval; method: ChangeMethod } | null {
  if (proportion) {
    // each rate is successes / n of its own run: Newcombe reads the counts, not the rounded figures
    const d = newcombe({ successes: b.value * b.n, n: b.n }, { successes: a.value * a.n, n: a.n });
    return d ? { ci95: d.ci95, method: 'newcombe' } : null;
  }
  if (!a.ci95 || !b.ci95) return null;
  if (scale === 'factor') {
    const r = moverRatio({ value: b.value, ci95: b.ci95 }, { value: a.value, ci95: a.ci95 });
    return r ? { ci95: r.ci95, method: 'mover-log' } : null;
  }
  return { ci95: moverDifference({ value: b.value, ci95: b.ci95 }, { value: a.value, ci95: a.ci95 }).ci95, method: 'mover' };
}
