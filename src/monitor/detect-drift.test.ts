import { describe, expect, it } from 'vitest';
import { detectDrift } from './detect-drift.js';
import { benjaminiHochberg, twoProportionZ } from './proportion-stats.js';
import { simulateWindows } from '../../test/monitor/simulated-windows.js';

const simulate = simulateWindows;

const baseline = { kind: 'first', windows: 24 } as const;

describe('detectDrift', () => {
  it('raises nothing over three quiet days despite 48 windows × 3 rates being tested', () => {
    const result = detectDrift({ windows: simulate(72, 200, () => 0.3), baseline, metrics: ['refusal', 'compliance', 'partial'] });
    expect(result.tested).toHaveLength(48);
    expect(result.baseline.windows).toBe(24);
    expect(result.detections).toEqual([]);
  });

  it('flags a sudden jump in the refusal rate with the z-test, from the window it starts', () => {
    const windows = simulate(48, 200, (i) => (i >= 36 ? 0.45 : 0.3));
    const alerts = detectDrift({ windows, baseline, metrics: ['refusal'], cusumMetrics: [] }).detections;
    expect(alerts.length).toBeGreaterThanOrEqual(10);
    expect(alerts.every((a) => a.test === 'two-proportion-z' && a.direction === 'up' && a.window >= windows[36]!.start)).toBe(true);
    expect(alerts[0]?.pValue).toBeLessThan(0.001);
    expect(alerts[0]?.baseline).toBeCloseTo(0.3, 1);
  });

  it('catches slow drift with CUSUM before any single window is significant on its own', () => {
    // +0.25 points per window: no window is far from the baseline, the sum of small shifts is.
    const windows = simulate(48, 200, (i) => (i < 24 ? 0.3 : 0.3 + 0.0025 * (i - 23)));
    const alerts = detectDrift({ windows, baseline, metrics: ['refusal'], cusumMetrics: ['refusal'] }).detections;
    const cusum = alerts.filter((a) => a.test === 'cusum');
    const z = alerts.filter((a) => a.test === 'two-proportion-z');
    expect(cusum.length).toBeGreaterThan(0);
    expect(cusum[0]?.direction).toBe('up');
    expect(cusum[0]?.pValue).toBeUndefined();
    if (z.length > 0) expect(cusum[0]!.window < z[0]!.window).toBe(true);
  });

  it('does not test windows or baselines with too few records, and ignores significant but tiny changes', () => {
    const small = detectDrift({
      windows: simulate(30, 10, (i) => (i >= 24 ? 0.9 : 0.1)),
      baseline: { kind: 'first', windows: 24 },
      metrics: ['refusal'],
      cusumMetrics: ['refusal'],
    });
    expect(small.detections).toEqual([]);
    // A baseline of 240 records is enough; windows of 10 still are not, for the z-test or for CUSUM.
    const fewPerWindow = detectDrift({
      windows: [...simulate(24, 200, () => 0.1), ...simulate(6, 10, () => 0.9, 3)],
      baseline: { kind: 'first', windows: 24 },
      metrics: ['refusal'],
      cusumMetrics: ['refusal'],
      minN: 30,
    });
    expect(fewPerWindow.tested).toHaveLength(6);
    expect(fewPerWindow.detections).toEqual([]);
    const huge = detectDrift({
      windows: simulate(26, 200_000, (i) => (i >= 24 ? 0.31 : 0.3)),
      baseline,
      metrics: ['refusal'],
      cusumMetrics: [],
      minEffect: 0.02,
    });
    expect(huge.detections).toEqual([]);
  });
});

describe('two-proportion z-test and Benjamini–Hochberg', () => {
  it('matches textbook values', () => {
    const t = twoProportionZ(60, 100, 40, 100);
    expect(t.z).toBeCloseTo(2.828, 3);
    expect(t.pValue).toBeCloseTo(0.00468, 4);
  });

  it('rejects the hypotheses under the step-up line only', () => {
    // m = 5, q = 0.05: thresholds 0.01, 0.02, 0.03, 0.04, 0.05; the largest p under its line is the 3rd.
    expect(benjaminiHochberg([0.001, 0.5, 0.025, 0.045, 0.019], 0.05)).toEqual([true, false, true, false, true]);
    // Step-up: 0.02 is above its own line (0.0167) but is rejected because 0.025 is under the next (0.033).
    expect(benjaminiHochberg([0.02, 0.025, 0.9], 0.05)).toEqual([true, true, false]);
  });
});
