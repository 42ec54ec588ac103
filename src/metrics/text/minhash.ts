import { fmix32, fnv1a } from '../../util/index.js';
import { shingles, tokens } from './tokens.js';

const PERMUTATIONS = 64;
const BANDS = 16;
const ROWS = PERMUTATIONS / BANDS;

/** One hash spread into independent-looking permutations (unsigned, as the signature stores them). */
const mix = (h: number): number => fmix32(h) >>> 0;

const SALTS = Array.from({ length: PERMUTATIONS }, (_, i) => mix(0x9e3779b9 ^ Math.imul(i + 1, 0x27d4eb2d)));

export function minhashSignature(text: string, shingleWords = 2): Uint32Array {
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const s of shingles(tokens(text), shingleWords)) {
    const base = fnv1a(s);
    for (let i = 0; i < PERMUTATIONS; i++) {
      const v = mix(base ^ (SALTS[i] ?? 0));
      if (v < (sig[i] ?? 0)) sig[i] = v;
    }
  }
  return sig;
}

function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[i] === b[i]) same += 1;
  return same / PERMUTATIONS;
}

/**
 * Groups texts whose estimated Jaccard similarity of word-pair shingles reaches `threshold`, using
 * LSH banding so only likely pairs are compared (refusal sets can hold thousands of texts).
 * Returns one cluster label per input text; identical texts always share a label.
 */
export function clusterTexts(texts: readonly string[], options: { threshold?: number } = {}): number[] {
  const threshold = options.threshold ?? 0.6;
  const unique = [...new Set(texts)];
  const sigs = unique.map((t) => minhashSignature(t));
  const parent = unique.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const p = parent[i] ?? i;
      parent[i] = parent[p] ?? p;
      i = p;
    }
    return i;
  };
  for (let b = 0; b < BANDS; b++) {
    const buckets = new Map<string, number[]>();
    sigs.forEach((sig, i) => {
      const key = Array.from(sig.subarray(b * ROWS, (b + 1) * ROWS)).join(',');
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    });
    for (const members of buckets.values()) {
      members.forEach((j, at) => {
        // Compare with a few earlier bucket members: enough to join near-duplicates without m² work.
        for (let prev = at - 1, tried = 0; prev >= 0 && tried < 16; prev--) {
          const i = members[prev] ?? j;
          const ri = find(i);
          const rj = find(j);
          if (ri === rj) continue;
          tried += 1;
          if (similarity(sigs[i] as Uint32Array, sigs[j] as Uint32Array) >= threshold) parent[rj] = ri;
        }
      });
    }
  }
  const labelOf = new Map<string, number>();
  unique.forEach((t, i) => labelOf.set(t, find(i)));
  return texts.map((t) => labelOf.get(t) ?? -1);
}
