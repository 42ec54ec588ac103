/**
 * Complementary error function (Numerical Recipes `erfcc`): fractional error below 1.2e-7 everywhere,
 * so far-tail p-values keep their magnitude instead of rounding to 0.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Wilson score interval: honest at small n and near 0 or 1, where the normal interval is not. */
export function wilson(k: number, n: number, z = 1.96): [number, number] | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export interface TwoProportionTest {
  z: number;
  /** Two-sided. */
  pValue: number;
}

/** Pooled two-proportion z-test of k1/n1 against k0/n0. */
export function twoProportionZ(k1: number, n1: number, k0: number, n0: number): TwoProportionTest {
  if (n1 <= 0 || n0 <= 0) return { z: 0, pValue: 1 };
  const pooled = (k1 + k0) / (n1 + n0);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  if (se === 0) return { z: 0, pValue: 1 };
  const z = (k1 / n1 - k0 / n0) / se;
  return { z, pValue: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)) };
}

/**
 * Benjamini–Hochberg: which of m p-values are discoveries at false-discovery rate q.
 * Monitoring tests many metrics × windows at once; unadjusted, 5% of quiet windows would alert.
 */
export function benjaminiHochberg(pValues: number[], q: number): boolean[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  let cutoff = -1;
  order.forEach(({ p }, rank) => {
    if (p <= ((rank + 1) / m) * q) cutoff = rank;
  });
  const out = new Array<boolean>(m).fill(false);
  for (let r = 0; r <= cutoff; r++) out[(order[r] as { i: number }).i] = true;
  return out;
}

/**
 * Where a window of `n` records lands 95% of the time when its true rate is still the baseline's
 * `p0` (normal approximation, clamped to [0, 1]): the band the dashboard draws behind a series.
 */
export function expectedBand(p0: number, n: number, z = 1.96): [number, number] | null {
  if (n <= 0) return null;
  const half = z * Math.sqrt((p0 * (1 - p0)) / n);
  return [Math.max(0, p0 - half), Math.min(1, p0 + half)];
}
