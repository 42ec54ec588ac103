import { quantile } from './quantile.js';
import { seededRandom } from '../../util/index.js';
import type { Interval } from './wilson.js';

export interface BootstrapOptions {
  /** Resamples; 1,000 keeps the 2.5/97.5 percentiles stable to about a point at drill sizes. */
  resamples?: number;
  seed?: number;
}

/**
 * Percentile bootstrap interval of `statistic` over groups of numbers resampled with replacement.
 * Each group is resampled separately (e.g. refusal and compliance latencies), so a statistic
 * comparing groups keeps each group's size. Resamples where the statistic is undefined are dropped.
 * The arrays handed to `statistic` are reused between resamples: read them, do not keep them.
 */
export function bootstrap(
  groups: ReadonlyArray<ArrayLike<number>>,
  statistic: (groups: Float64Array[]) => number | null,
  options: BootstrapOptions = {},
): Interval | null {
  if (groups.some((g) => g.length === 0)) return null;
  const random = seededRandom(options.seed ?? 1);
  const resamples = options.resamples ?? 1000;
  const drawn = groups.map((g) => new Float64Array(g.length));
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    groups.forEach((g, gi) => {
      const out = drawn[gi] as Float64Array;
      for (let i = 0; i < g.length; i++) out[i] = g[Math.floor(random() * g.length)] ?? 0;
    });
    const v = statistic(drawn);
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  const lo = quantile(values, 0.025);
  const hi = quantile(values, 0.975);
  return lo === null || hi === null ? null : [lo, hi];
}
