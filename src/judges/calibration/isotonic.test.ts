import { describe, expect, it } from 'vitest';
import { applySteps, fitIsotonic } from './isotonic.js';

const pts = (xs: number[], ys: number[]) => xs.map((x, i) => ({ x, y: ys[i]! }));

describe('fitIsotonic', () => {
  it('pools adjacent violators into a non-decreasing map', () => {
    const steps = fitIsotonic(pts([0.1, 0.2, 0.3, 0.4, 0.5], [0, 1, 0, 1, 1]), 1);
    expect(steps.map((s) => s.p)).toEqual([0, 0.5, 1]);
    expect(steps.map((s) => s.n)).toEqual([1, 2, 2]);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.p).toBeGreaterThanOrEqual(steps[i - 1]!.p);
    expect(steps.at(-1)!.upTo).toBe(1);
  });

  it('treats equal scores as one point, whatever order they come in', () => {
    const a = fitIsotonic(pts([0.9, 0.9, 0.9, 0.9, 0.5, 0.5], [1, 0, 1, 1, 0, 1]), 1);
    const b = fitIsotonic(pts([0.5, 0.9, 0.9, 0.5, 0.9, 0.9], [1, 1, 0, 0, 1, 1]), 1);
    expect(a).toEqual(b);
    expect(a.map((s) => s.p)).toEqual([0.5, 0.75]);
  });

  it('pools blocks smaller than minBlock with the closer neighbour', () => {
    const xs = Array.from({ length: 30 }, (_, i) => i / 30);
    const ys = xs.map((_, i) => (i < 3 ? 0 : i < 25 ? i % 2 : 1));
    const steps = fitIsotonic(pts(xs, ys), 10);
    expect(steps.every((s) => s.n >= 10)).toBe(true);
    expect(steps.reduce((n, s) => n + s.n, 0)).toBe(30);
  });

  it('maps a score to the first step reaching it, and is empty on no points', () => {
    const steps = [
      { upTo: 0.5, p: 0.2, n: 10 },
      { upTo: 0.8, p: 0.6, n: 10 },
      { upTo: 1, p: 0.9, n: 10 },
    ];
    expect([0, 0.5, 0.51, 0.8, 0.95, 1].map((x) => applySteps(steps, x))).toEqual([0.2, 0.2, 0.6, 0.6, 0.9, 0.9]);
    expect(fitIsotonic([])).toEqual([]);
  });
});
