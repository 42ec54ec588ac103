import { wilson, type Interval } from './wilson.js';

export interface Proportion {
  successes: number;
  n: number;
}

/**
 * Newcombe's hybrid score interval (method 10) for the difference of two independent proportions
 * a − b, built from each side's Wilson interval; it behaves at 0 and 1 where Wald does not.
 */
export function newcombe(a: Proportion, b: Proportion): { diff: number; ci95: Interval } | null {
  const ia = wilson(a.successes, a.n);
  const ib = wilson(b.successes, b.n);
  if (!ia || !ib) return null;
  const pa = a.successes / a.n;
  const pb = b.successes / b.n;
  const diff = pa - pb;
  const lower = diff - Math.sqrt((pa - ia[0]) ** 2 + (ib[1] - pb) ** 2);
  const upper = diff + Math.sqrt((ia[1] - pa) ** 2 + (pb - ib[0]) ** 2);
  return { diff, ci95: [Math.max(-1, lower), Math.min(1, upper)] };
}
