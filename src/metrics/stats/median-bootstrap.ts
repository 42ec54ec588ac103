import { seededRandom } from '../../util/index.js';
import { atRank, type SortedCounts } from './counted.js';
import { quantile } from './quantile.js';
import type { Interval } from './wilson.js';

/**
 * Percentile bootstrap interval of the ratio of two medians, at a cost that does not grow with
 * the number of values. A resample's k-th smallest value is the empirical distribution's
 * inverse at the k-th smallest of n uniforms, which is Beta(k, n − k + 1); so a resampled median
 * is drawn in O(log distinct) instead of by drawing n values — the same distribution as
 * resampling each value, without the N × resamples cost.
 */
export function medianRatioBootstrap(a: SortedCounts, b: SortedCounts, o: { seed?: number; resamples?: number } = {}): Interval | null {
  if (a.n === 0 || b.n === 0) return null;
  const random = seededRandom(o.seed ?? 1);
  const draw = sampler(random);
  const ratios: number[] = [];
  for (let r = 0; r < (o.resamples ?? 1000); r++) {
    const top = resampledMedian(a, draw);
    const bottom = resampledMedian(b, draw);
    if (bottom > 0 && Number.isFinite(top / bottom)) ratios.push(top / bottom);
  }
  const lo = quantile(ratios, 0.025);
  const hi = quantile(ratios, 0.975);
  return lo === null || hi === null ? null : [lo, hi];
}

interface Sampler {
  uniform: () => number;
  beta: (x: number, y: number) => number;
}

function resampledMedian(s: SortedCounts, d: Sampler): number {
  const n = s.n;
  const valueAt = (u: number): number => atRank(s, Math.min(n, Math.max(1, Math.ceil(u * n))));
  // the type-7 median: the middle order statistic, or the mean of the two middle ones
  const k = Math.floor((n - 1) / 2) + 1;
  const uk = d.beta(k, n - k + 1);
  if (n % 2 === 1) return valueAt(uk);
  // the next order statistic: the smallest of the n − k uniforms above u_k
  const next = uk + (1 - uk) * (1 - Math.pow(d.uniform(), 1 / (n - k)));
  return (valueAt(uk) + valueAt(next)) / 2;
}

function sampler(random: () => number): Sampler {
  const uniform = (): number => {
    const u = random();
    return u > 0 ? u : Number.MIN_VALUE;
  };
  const normal = (): number => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * random());
  // Marsaglia and Tsang's method; shapes here are ≥ 1
  const gamma = (shape: number): number => {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const beta = (x: number, y: number): number => {
    const gx = gamma(x);
    return gx / (gx + gamma(y));
  };
  return { uniform, beta };
}
