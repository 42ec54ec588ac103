import { moverDifference } from './mover.js';
import { wilson, type Interval } from './wilson.js';

export interface Proportion {
  successes: number;
  n: number;
}

/**
 * Newcombe's hybrid score interval (method 10) for the difference of two independent proportions
 * a − b, built from each side's Wilson interval (MOVER over Wilson); it behaves at 0 and 1 where
 * Wald does not, and stays within [−1, 1].
 */
export function newcombe(a: Proportion, b: Proportion): { diff: number; ci95: Interval } | null {
  const ia = wilson(a.successes, a.n);
  const ib = wilson(b.successes, b.n);
  if (!ia || !ib) return null;
  const d = moverDifference({ value: a.successes / a.n, ci95: ia }, { value: b.successes / b.n, ci95: ib });
  return { diff: d.diff, ci95: [Math.max(-1, d.ci95[0]), Math.min(1, d.ci95[1])] };
}
