/**
 * A mergeable quantile sketch: each value with how often it was seen. Exact until it holds
 * MAX_DISTINCT distinct values; then values are rounded to SIG_FIGURES significant figures
 * (≤ 0.05% off), which bounds it at a few thousand entries whatever the number of values.
 */
export interface Counted {
  n: number;
  values: Map<number, number>;
  rounded: boolean;
}

const MAX_DISTINCT = 4096;
const SIG_FIGURES = 3;

export function createCounted(): Counted {
  return { n: 0, values: new Map(), rounded: false };
}

const round = (x: number): number => {
  if (x === 0 || !Number.isFinite(x)) return x;
  const scale = 10 ** (SIG_FIGURES - 1 - Math.floor(Math.log10(Math.abs(x))));
  return Math.round(x * scale) / scale;
};

export function addCounted(c: Counted, x: number, times = 1): void {
  const v = c.rounded ? round(x) : x;
  c.values.set(v, (c.values.get(v) ?? 0) + times);
  c.n += times;
  if (!c.rounded && c.values.size > MAX_DISTINCT) {
    const old = c.values;
    c.values = new Map();
    c.rounded = true;
    for (const [value, times] of old) c.values.set(round(value), (c.values.get(round(value)) ?? 0) + times);
  }
}

export function mergeCounted(into: Counted, from: Counted): void {
  for (const [v, times] of from.values) addCounted(into, v, times);
  if (from.rounded && !into.rounded) {
    const all = into.values;
    into.values = new Map();
    into.rounded = true;
    into.n = 0;
    for (const [v, times] of all) addCounted(into, v, times);
  }
}

/** Sorted distinct values with cumulative counts: the empirical distribution, ready for order statistics. */
export interface SortedCounts {
  n: number;
  values: Float64Array;
  /** cumulative[i] = how many values are ≤ values[i]. */
  cumulative: Float64Array;
}

export function sortCounted(c: Counted): SortedCounts {
  const values = Float64Array.from(c.values.keys()).sort();
  const cumulative = new Float64Array(values.length);
  let sum = 0;
  values.forEach((v, i) => {
    sum += c.values.get(v) ?? 0;
    cumulative[i] = sum;
  });
  return { n: sum, values, cumulative };
}

/** The value of 1-based rank `rank` (1 … n) in sorted order. */
export function atRank(s: SortedCounts, rank: number): number {
  let lo = 0;
  let hi = s.values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((s.cumulative[mid] ?? 0) >= rank) hi = mid;
    else lo = mid + 1;
  }
  return s.values[lo] ?? 0;
}

/** The type-7 quantile (as `quantile`), from counts. */
export function countedQuantile(s: SortedCounts, q: number): number | null {
  if (s.n === 0) return null;
  const pos = (s.n - 1) * q;
  const lo = Math.floor(pos);
  const a = atRank(s, lo + 1);
  if (pos === lo) return a;
  return a + (atRank(s, lo + 2) - a) * (pos - lo);
}
