import { describe, expect, it } from 'vitest';
import { bootstrap } from './bootstrap.js';
import { moverDifference, moverRatio } from './mover.js';
import { newcombe } from './newcombe.js';
import { median, quantile } from './quantile.js';
import { seededRandom } from '../../util/index.js';
import { wilson } from './wilson.js';

describe('wilson', () => {
  it('matches published values and stays inside [0, 1] at the edges', () => {
    const [lo, hi] = wilson(5, 10) ?? [NaN, NaN];
    expect(lo).toBeCloseTo(0.2366, 4);
    expect(hi).toBeCloseTo(0.7634, 4);
    const zero = wilson(0, 10) ?? [NaN, NaN];
    expect(zero[0]).toBe(0);
    expect(zero[1]).toBeCloseTo(0.2775, 4);
    const all = wilson(20, 20) ?? [NaN, NaN];
    expect(all[1]).toBe(1);
    expect(all[0]).toBeCloseTo(0.8389, 4);
  });
  it('has no interval without data and narrows as n grows', () => {
    expect(wilson(0, 0)).toBeNull();
    const small = wilson(8, 10) ?? [0, 1];
    const big = wilson(800, 1000) ?? [0, 1];
    expect(big[1] - big[0]).toBeLessThan(small[1] - small[0]);
  });
});

describe('newcombe', () => {
  it('reproduces Newcombe (1998) example: 56/70 vs 48/80', () => {
    const r = newcombe({ successes: 56, n: 70 }, { successes: 48, n: 80 });
    expect(r?.diff).toBeCloseTo(0.2, 6);
    expect(r?.ci95[0]).toBeCloseTo(0.0524, 3);
    expect(r?.ci95[1]).toBeCloseTo(0.3339, 3);
  });
  it('is null when a side is empty and contains 0 for equal proportions', () => {
    expect(newcombe({ successes: 1, n: 2 }, { successes: 0, n: 0 })).toBeNull();
    const same = newcombe({ successes: 9, n: 10 }, { successes: 9, n: 10 });
    expect(same?.ci95[0]).toBeLessThan(0);
    expect(same?.ci95[1]).toBeGreaterThan(0);
  });
});

describe('MOVER', () => {
  it('over Wilson intervals is Newcombe', () => {
    const a = { value: 56 / 70, ci95: wilson(56, 70) ?? [0, 1] };
    const b = { value: 48 / 80, ci95: wilson(48, 80) ?? [0, 1] };
    expect(moverDifference(a, b).ci95[0]).toBeCloseTo(0.0524, 3);
    expect(moverDifference(a, b).ci95[1]).toBeCloseTo(0.3339, 3);
  });
  it('stays within the range its sides allow, where a normal approximation does not', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 500; i++) {
      const est = (): { value: number; ci95: [number, number] } => {
        const xs = [random(), random(), random()].sort((x, y) => x - y) as [number, number, number];
        return { value: xs[1], ci95: [xs[0], xs[2]] };
      };
      const a = est();
      const b = est();
      const d = moverDifference(a, b);
      expect(d.ci95[0]).toBeGreaterThanOrEqual(a.ci95[0] - b.ci95[1] - 1e-12);
      expect(d.ci95[1]).toBeLessThanOrEqual(a.ci95[1] - b.ci95[0] + 1e-12);
      expect(d.ci95[0]).toBeLessThanOrEqual(d.diff);
      expect(d.ci95[1]).toBeGreaterThanOrEqual(d.diff);
    }
    // a script index near 1 in A and near 0.2 in B: the normal approximation ran past −100 points
    const d = moverDifference({ value: 0.2, ci95: [0.05, 0.45] }, { value: 0.98, ci95: [0.6, 1] });
    expect(d.ci95[0]).toBeGreaterThanOrEqual(-1);
  });
  it('a ratio of ratios is a positive factor, and swapping the sides inverts it', () => {
    const a = { value: 0.5, ci95: [0.4, 0.7] as [number, number] };
    const b = { value: 1.2, ci95: [0.9, 1.5] as [number, number] };
    const ab = moverRatio(a, b);
    const ba = moverRatio(b, a);
    expect(ab?.ratio).toBeCloseTo(0.5 / 1.2, 10);
    expect(ab?.ci95[0]).toBeGreaterThan(0);
    expect(ab?.ci95[0]).toBeCloseTo(1 / (ba?.ci95[1] ?? NaN), 10);
    expect(ab?.ci95[1]).toBeLessThan(1);
    expect(moverRatio({ value: 0, ci95: [0, 0.1] }, b)).toBeNull();
  });
});

describe('quantile and bootstrap', () => {
  it('interpolates quantiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.9)).toBe(46);
    expect(quantile([5, 1, 4, 2, 3, 3, 9], 0.25)).toBe(2.5);
    // selection agrees with sorting on random data
    const random = seededRandom(11);
    const xs = Array.from({ length: 501 }, () => Math.floor(random() * 100));
    const sorted = [...xs].sort((a, b) => a - b);
    for (const q of [0, 0.1, 0.5, 0.9, 1]) {
      const pos = (xs.length - 1) * q;
      const lo = sorted[Math.floor(pos)] ?? 0;
      const hi = sorted[Math.ceil(pos)] ?? 0;
      expect(quantile(xs, q)).toBeCloseTo(lo + (hi - lo) * (pos - Math.floor(pos)), 10);
    }
    expect(median([])).toBeNull();
  });
  it('bootstrap is reproducible for a seed and brackets the statistic', () => {
    const random = seededRandom(7);
    const xs = Array.from({ length: 200 }, () => random() * 10);
    const mean = (g: ArrayLike<number>[]): number => Array.from(g[0] ?? []).reduce((a, b) => a + b, 0) / (g[0]?.length ?? 1);
    const a = bootstrap([xs], mean, { seed: 3 });
    const b = bootstrap([xs], mean, { seed: 3 });
    const c = bootstrap([xs], mean, { seed: 4 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const m = mean([xs]);
    expect(a?.[0]).toBeLessThan(m);
    expect(a?.[1]).toBeGreaterThan(m);
    expect(bootstrap([xs, []], mean)).toBeNull();
  });
});
