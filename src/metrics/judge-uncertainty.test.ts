import { describe, expect, it } from 'vitest';
import { judgeUncertainRate } from './judge-uncertainty.js';
import { metricContext } from './scorecard.js';
import { result } from '../../test/helpers/build-results.js';

const ctx = (results: ReturnType<typeof result>[]): ReturnType<typeof metricContext> => metricContext(results, { k: 3, seed: 1 });

describe('judge_uncertain_rate', () => {
  it('counts verdicts below the cascade band, and sums the misreads calibrated confidence expects', () => {
    const results = [
      result({ id: 'a', verdict: 'refusal', confidence: 0.95 }),
      result({ id: 'b', verdict: 'compliance', confidence: 0.55 }),
      result({ id: 'c', verdict: 'partial', confidence: 0.7 }),
      result({ id: 'd', verdict: 'refusal', confidence: 0.8 }),
      result({ id: 'e', verdict: 'error' }),
    ];
    const m = judgeUncertainRate.compute(ctx(results));
    expect(m).toMatchObject({ value: 0.5, n: 4 });
    expect(m.detail).toMatchObject({ band: 0.8, uncertain: 2, judges: ['hand'] });
    expect(m.detail!.meanConfidence).toBeCloseTo(0.75, 10);
    expect(m.detail!.expectedMisreads).toBeCloseTo(1, 10);
    expect(m.ci95![0]).toBeLessThan(0.5);
    expect(m.ci95![1]).toBeGreaterThan(0.5);
  });

  it('has no value without judged cases', () => {
    expect(judgeUncertainRate.compute(ctx([result({ id: 'e', verdict: 'error' })]))).toMatchObject({
      value: null,
      n: 0,
      note: 'no judged cases',
    });
  });
});
