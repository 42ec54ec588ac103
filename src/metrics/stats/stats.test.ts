import { describe, expect, it } from 'vitest';
import { bootstrap } from './bootstrap.js';
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
