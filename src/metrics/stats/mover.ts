import type { Interval } from './wilson.js';

/** A point estimate with its own 95% interval. */
export interface Estimate {
  value: number;
  ci95: Interval;
}

/**
 * MOVER (method of variance estimates recovery; Zou & Donner 2008): the 95% interval of a − b for
 * two independent estimates, recovered from each side's own interval. With Wilson intervals it is
 * exactly Newcombe's hybrid score interval; with any intervals that respect a metric's range the
 * result stays within the range of the difference (its lower end is never below low(a) − high(b)),
 * which a normal approximation does not.
 */
export function moverDifference(a: Estimate, b: Estimate): { diff: number; ci95: Interval } {
  const diff = a.value - b.value;
  const lower = diff - Math.sqrt((a.value - a.ci95[0]) ** 2 + (b.ci95[1] - b.value) ** 2);
  const upper = diff + Math.sqrt((a.ci95[1] - a.value) ** 2 + (b.value - b.ci95[0]) ** 2);
  return { diff, ci95: [lower, upper] };
}

/**
 * The ratio a / b of two positive estimates (a latency ratio, say), by MOVER on the log scale: the
 * interval is a factor, positive by construction, symmetric in the sense that swapping a and b
 * inverts it. Null when an estimate or an interval end is not positive.
 */
export function moverRatio(a: Estimate, b: Estimate): { ratio: number; ci95: Interval } | null {
  const logged = (e: Estimate): Estimate | null =>
    e.value > 0 && e.ci95[0] > 0 && e.ci95[1] > 0 ? { value: Math.log(e.value), ci95: [Math.log(e.ci95[0]), Math.log(e.ci95[1])] } : null;
  const la = logged(a);
  const lb = logged(b);
  if (!la || !lb) return null;
  const d = moverDifference(la, lb);
  return { ratio: Math.exp(d.diff), ci95: [Math.exp(d.ci95[0]), Math.exp(d.ci95[1])] };
}
