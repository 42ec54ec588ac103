import { describe, expect, it } from 'vitest';
import { latency } from './latency.js';
import { metricContext } from './scorecard.js';
import { result } from '../../test/helpers/build-results.js';

const timed = (id: string, verdict: 'refusal' | 'compliance', latencyMs: number, ttftMs: number | null): ReturnType<typeof result> =>
  result({ id, verdict, kind: verdict === 'refusal' ? 'prompt' : 'twin', latencyMs, ttftMs });

describe('latency', () => {
  it('flags refusals that come back much faster than answers (a canned reflex)', () => {
    const rs = [
      ...[40, 50, 60, 45, 55].map((ms, i) => timed(`r${i}`, 'refusal', ms * 4, ms)),
      ...[300, 320, 280, 310, 350].map((ms, i) => timed(`c${i}`, 'compliance', ms * 5, ms)),
    ];
    const m = latency.compute(metricContext(rs, { k: 4, seed: 1 }));
    expect(m.detail?.basis).toBe('ttft');
    expect(m.value).toBeCloseTo(50 / 310, 10);
    expect(m.detail?.refusal).toMatchObject({ n: 5, ttftMedian: 50, totalMedian: 200 });
    expect(m.detail?.compliance.ttftP90).toBeCloseTo(338, 6);
    expect(m.detail?.reflex).toBe(true);
    expect(m.ci95?.[0]).toBeLessThanOrEqual(m.value ?? 0);
    expect(m.ci95?.[1]).toBeGreaterThanOrEqual(m.value ?? 0);
  });
  it('does not flag comparable timings, and falls back to total time without ttft', () => {
    const rs = [
      ...[1, 2, 3].map((i) => timed(`r${i}`, 'refusal', 900 + i, null)),
      ...[1, 2, 3].map((i) => timed(`c${i}`, 'compliance', 1000 + i, null)),
    ];
    const m = latency.compute(metricContext(rs, { k: 4, seed: 1 }));
    expect(m.detail).toMatchObject({ basis: 'total', reflex: false });
    expect(m.value).toBeCloseTo(902 / 1002, 10);
  });
  it('has no value without both refusals and answers', () => {
    expect(latency.compute(metricContext([timed('r', 'refusal', 10, 5)], { k: 4, seed: 1 })).value).toBeNull();
  });
});
