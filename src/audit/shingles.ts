import { fmix32 } from '../util/index.js';
import type { StopSet } from './stopwords.js';

/**
 * MinHash shingles of tokens [start, end) written into `out` (unsorted, which must hold
 * end − start values): each run of `size` consecutive non-stopword tokens, hashed.
 * Returns how many were written.
 */
export function shinglesInto(hashes: Int32Array, start: number, end: number, size: number, stop: StopSet, out: Int32Array): number {
  let count = 0;
  if (size === 1) {
    for (let i = start; i < end; i++) {
      const h = hashes[i]!;
      if (!stop.has(h)) out[count++] = h;
    }
    return count;
  }
  // Window over the content tokens only, so dropped stopwords do not break a shingle.
  const ring = new Int32Array(size);
  let seen = 0;
  for (let i = start; i < end; i++) {
    const h = hashes[i]!;
    if (stop.has(h)) continue;
    ring[seen % size] = h;
    seen++;
    if (seen < size) continue;
    let x = ring[(seen - size) % size]!;
    for (let j = 1; j < size; j++) x = fmix32(Math.imul(x, 0x01000193) ^ ring[(seen - size + j) % size]!);
    out[count++] = x;
  }
  return count;
}

/** Sorted distinct shingles of tokens [start, end), in `out` when it is big enough; returns the array and the count. */
export function shingleSet(
  hashes: Int32Array,
  start: number,
  end: number,
  size: number,
  stop: StopSet,
  out?: Int32Array,
): { set: Int32Array; count: number } {
  const need = Math.max(16, end - start);
  const buf = out && out.length >= need ? out : new Int32Array(need);
  const n = shinglesInto(hashes, start, end, size, stop, buf);
  const view = buf.subarray(0, n);
  view.sort();
  let count = 0;
  for (let i = 0; i < n; i++) if (i === 0 || view[i] !== view[i - 1]) buf[count++] = view[i]!;
  return { set: buf, count };
}

/** Jaccard of two sorted distinct sets given as (array, length) pairs. */
export function jaccardSorted(a: Int32Array, aLen: number, b: Int32Array, bLen: number): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < aLen && j < bLen) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = aLen + bLen - inter;
  return union === 0 ? 0 : inter / union;
}
