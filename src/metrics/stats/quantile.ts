/**
 * Linear-interpolated quantile (type 7, as R and numpy default). Returns null on no data.
 * Uses selection, not a sort: bootstrap intervals take thousands of medians per scorecard.
 */
export function quantile(values: ArrayLike<number>, q: number): number | null {
  if (values.length === 0) return null;
  const xs = Float64Array.from(values);
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  const a = select(xs, lo);
  if (pos === lo) return a;
  // after selecting lo, everything right of it is ≥ it: the next order statistic is their minimum
  let b = Infinity;
  for (let i = lo + 1; i < xs.length; i++) b = Math.min(b, xs[i] ?? Infinity);
  return a + (b - a) * (pos - lo);
}

export function median(values: ArrayLike<number>): number | null {
  return quantile(values, 0.5);
}

/** Hoare's quickselect: puts the k-th smallest at index k (smaller left, larger right) and returns it. */
function select(xs: Float64Array, k: number): number {
  let left = 0;
  let right = xs.length - 1;
  while (right > left) {
    const pivot = xs[(left + right) >> 1] ?? 0;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((xs[i] ?? 0) < pivot) i++;
      while ((xs[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const t = xs[i] ?? 0;
        xs[i] = xs[j] ?? 0;
        xs[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return xs[k] ?? 0;
}
