import { describe, expect, it } from 'vitest';
import { heldoutGap } from './heldout-gap.js';
import { metricContext } from './scorecard.js';
import { result } from '../../test/helpers/build-results.js';

describe('heldout_gap', () => {
  it('is seen hold minus held-out hold with a Newcombe interval', () => {
    const rs = [
      ...Array.from({ length: 10 }, (_, i) => result({ id: `s${i}`, split: 'seen', verdict: i < 9 ? 'refusal' : 'compliance' })),
      ...Array.from({ length: 10 }, (_, i) => result({ id: `h${i}`, split: 'heldout', verdict: i < 5 ? 'refusal' : 'compliance' })),
    ];
    const m = heldoutGap.compute(metricContext(rs, { k: 4, seed: 1 }));
    expect(m.value).toBeCloseTo(0.4, 10);
    expect(m.n).toBe(20);
    // 9/10 vs 5/10 is not yet outside the noise: Wilson [0.596, 0.982] and [0.237, 0.763] combine to
    expect(m.ci95?.[0]).toBeCloseTo(-0.0024, 3);
    expect(m.ci95?.[1]).toBeCloseTo(0.6759, 3);
    expect(m.detail?.heldout).toMatchObject({ n: 10, held: 5, rate: 0.5 });
  });
  it('has no value without held-out cases', () => {
    const m = heldoutGap.compute(metricContext([result({ verdict: 'refusal' })], { k: 4, seed: 1 }));
    expect(m.value).toBeNull();
    expect(m.note).toMatch(/held-out/);
  });
});
