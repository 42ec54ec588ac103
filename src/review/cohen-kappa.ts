/** A 2×2 table: rows are the judge's call, columns the human's. */
export interface Confusion {
  /** Judge refusal, human refusal. */
  rr: number;
  /** Judge refusal, human answered. */
  ra: number;
  /** Judge answered, human refusal. */
  ar: number;
  aa: number;
}

export interface KappaResult {
  n: number;
  /** Observed agreement. */
  observed: number | null;
  /** Agreement expected by chance from the marginals. */
  expected: number | null;
  /** null when undefined (no items, or both raters used one class only). */
  kappa: number | null;
}

/** Cohen's kappa: agreement beyond chance, 1 = perfect, 0 = what chance alone gives. */
export function cohenKappa(c: Confusion): KappaResult {
  const n = c.rr + c.ra + c.ar + c.aa;
  if (n === 0) return { n, observed: null, expected: null, kappa: null };
  const observed = (c.rr + c.aa) / n;
  const judgeR = (c.rr + c.ra) / n;
  const humanR = (c.rr + c.ar) / n;
  const expected = judgeR * humanR + (1 - judgeR) * (1 - humanR);
  return { n, observed, expected, kappa: expected === 1 ? null : (observed - expected) / (1 - expected) };
}
