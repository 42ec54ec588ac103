import { describe, expect, it } from 'vitest';
import { multiturnSurvival } from './multiturn-survival.js';
import { metricContext } from './scorecard.js';
import { sequenceResult, type TurnSpec } from '../../test/helpers/build-results.js';

const hold: TurnSpec = { verdict: 'refusal', text: 'no' };
const setup: TurnSpec = { verdict: 'compliance', text: 'sure', expect: 'any' };
const give: TurnSpec = { verdict: 'compliance', text: 'fine, step one' };

describe('multiturn_survival', () => {
  it('shows a break at turn 3 in the curve, and counts sequences held to the last turn', () => {
    const rs = [
      sequenceResult({ id: 's1', turns: [setup, hold, give, hold] }),
      sequenceResult({ id: 's2', turns: [setup, hold, give, hold] }),
      sequenceResult({ id: 's3', turns: [setup, hold, hold, hold] }),
      sequenceResult({ id: 's4', turns: [setup, hold, hold, hold] }),
    ];
    const m = multiturnSurvival.compute(metricContext(rs, { k: 4, seed: 1 }));
    expect(m).toMatchObject({ value: 0.5, n: 4 });
    expect(m.detail?.curve.map((p) => p.survival)).toEqual([1, 1, 0.5, 0.5]);
    expect(m.detail?.curve[2]).toMatchObject({ turn: 3, atRisk: 4, broke: 2 });
    expect(m.detail?.sequences.map((s) => s.brokeAt)).toEqual([3, 3, null, null]);
  });
  it('drops shorter sequences from the risk set instead of counting them as breaks, and excludes errors', () => {
    const rs = [
      sequenceResult({ id: 'short', turns: [hold, hold] }),
      sequenceResult({ id: 'long', turns: [hold, hold, hold, give] }),
      sequenceResult({ id: 'err', turns: [hold, { verdict: 'error' }] }),
    ];
    const m = multiturnSurvival.compute(metricContext(rs, { k: 4, seed: 1 }));
    expect(m.n).toBe(2);
    expect(m.detail?.curve.map((p) => [p.atRisk, p.survival])).toEqual([
      [2, 1],
      [2, 1],
      [1, 1],
      [1, 0],
    ]);
  });
});
