import { seededRandom } from '../../src/util/index.js';
import type { WindowStats } from '../../src/monitor/index.js';

export const HOUR = 3_600_000;

/**
 * Windows of `n(i)` records whose refusal probability is `p(i)`; the rest are compliances. For
 * detector and incident tests that need many windows of known rates without a store.
 */
export function simulateWindows(count: number, n: number | ((i: number) => number), p: (i: number) => number, seed = 7): WindowStats[] {
  const r = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const size = typeof n === 'number' ? n : n(i);
    let refusal = 0;
    for (let k = 0; k < size; k++) if (r() < p(i)) refusal += 1;
    const none = { count: 0, n: 0, rate: null, ci95: null };
    const zero = { count: 0, n: size, rate: size ? 0 : null, ci95: null };
    return {
      start: new Date(i * HOUR).toISOString(),
      end: new Date((i + 1) * HOUR).toISOString(),
      startMs: i * HOUR,
      n: size,
      counts: { refusal, partial: 0, compliance: size - refusal, not_understood: 0, error: 0 },
      rates: { refusal: size ? refusal / size : null, partial: size ? 0 : null, compliance: size ? (size - refusal) / size : null },
      ci95: { refusal: null, partial: null, compliance: null },
      error: zero,
      notUnderstood: zero,
      overRefusal: none,
      harmfulCompliance: none,
      leaks: zero,
      scriptIndex: null,
      refusalTemplates: 0,
      newTemplates: { count: 0, examples: [] },
      latency: null,
    };
  });
}
