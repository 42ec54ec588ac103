import { tokens } from './tokens.js';

/** Words too common in any refusal to tell principles apart. */
const STOP = new Set(
  "a an the and or but if of to in on for with as at by from is are was were be been being it its this that these those i i'm me my we our you your he she they them their not no can can't cannot won't will would could should do does did have has had here there what which who how why so such than then too very just also any some".split(
    ' ',
  ),
);

export type Vector = Map<string, number>;

/** Log-scaled term counts, L2-normalised, stop words dropped. */
export function bagOfWords(text: string): Vector {
  const counts: Vector = new Map();
  for (const w of tokens(text)) if (!STOP.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const [w, c] of counts) counts.set(w, 1 + Math.log(c));
  return normalise(counts);
}

// Slices of one scorecard score the same texts again; vectors are immutable, so they are shared.
const cache = new Map<string, Vector>();

/** bagOfWords, memoised for the texts of the current scorecard (bounded, so memory stays flat). */
export function bagOfWordsOf(text: string): Vector {
  let v = cache.get(text);
  if (!v) {
    if (cache.size > 50_000) cache.clear();
    v = bagOfWords(text);
    cache.set(text, v);
  }
  return v;
}

export function normalise(v: Vector): Vector {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm === 0) return v;
  const out: Vector = new Map();
  for (const [k, x] of v) out.set(k, x / norm);
  return out;
}

export function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, x] of small) s += x * (large.get(k) ?? 0);
  return s;
}

export function addInto(sum: Vector, v: Vector, sign = 1): void {
  for (const [k, x] of v) sum.set(k, (sum.get(k) ?? 0) + sign * x);
}
