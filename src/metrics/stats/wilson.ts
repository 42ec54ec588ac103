/** Two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

export type Interval = [number, number];

/**
 * Wilson score interval for a proportion. Unlike the normal (Wald) interval it stays inside [0, 1]
 * and keeps honest width at 0/n and n/n, which is where small drill sets usually sit.
 * `successes` may be fractional (ties split evenly in leave-one-out accuracy).
 */
export function wilson(successes: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const p = Math.min(1, Math.max(0, successes / n));
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [clamp01(centre - half), clamp01(centre + half)];
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
