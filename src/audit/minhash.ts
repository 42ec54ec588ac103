import { fmix32 } from '../util/index.js';
import { hash2 } from './hash32.js';

// Signatures are int32 (V8 keeps them unboxed); the largest int32 marks an empty bin.
const EMPTY = 0x7fffffff;

export interface MinHashParams {
  /** Bins per signature, a power of two. */
  numPerm: number;
  bands: number;
  rows: number;
  seed: number;
}

/**
 * The most rows per band (fewest false candidates) whose LSH still finds a pair at the
 * threshold with probability ≥ `recall`: P = 1 − (1 − t^rows)^bands.
 */
export function chooseBands(numPerm: number, threshold: number, recall = 0.97): { bands: number; rows: number } {
  for (let rows = 8; rows > 1; rows--) {
    const bands = Math.floor(numPerm / rows);
    if (1 - (1 - threshold ** rows) ** bands >= recall) return { bands, rows };
  }
  return { bands: numPerm, rows: 1 };
}

/**
 * One-permutation MinHash with densification: one seeded hash per
 * shingle instead of one per permutation, which is what lets the scan keep up with the disk,
 * while two signatures still agree in each bin with probability equal to their Jaccard.
 */
export class MinHasher {
  readonly k: number;
  private readonly shift: number;
  private readonly seedMix: number;
  /** +1 or −1 (as k − 1) per bin: which way an empty bin looks for a value. */
  private readonly directions: Int32Array;

  constructor(readonly params: MinHashParams) {
    const k = params.numPerm;
    if (!Number.isInteger(Math.log2(k))) throw new RangeError(`numPerm must be a power of two, got ${k}`);
    this.k = k;
    this.shift = 32 - Math.log2(k);
    this.seedMix = fmix32(params.seed ^ 0x5bd1e995);
    this.directions = new Int32Array(k);
    for (let i = 0; i < k; i++) this.directions[i] = hash2(i, 0, params.seed) & 1 ? 1 : k - 1;
  }

  signature(): Int32Array {
    return new Int32Array(this.k).fill(EMPTY);
  }

  clear(sig: Int32Array): void {
    sig.fill(EMPTY);
  }

  add(sig: Int32Array, shingle: number): void {
    // Shingles are already well-mixed hashes, so XOR with a mixed seed is a fresh permutation.
    const x = shingle ^ this.seedMix;
    const bin = x >>> this.shift;
    if (x < sig[bin]!) sig[bin] = x;
  }

  /** Signature of the union of two sets: the bin-wise minimum. */
  union(out: Int32Array, a: Int32Array, b: Int32Array): void {
    for (let i = 0; i < this.k; i++) out[i] = a[i]! < b[i]! ? a[i]! : b[i]!;
  }

  /**
   * Fills each empty bin from the nearest non-empty bin in a direction fixed per bin by the
   * seed, salted with the distance (densification by rotation, Shrivastava & Li 2014): O(k)
   * comparisons with no hashing, and two signatures still agree in a bin with probability ≈ Jaccard.
   * False for an empty set.
   */
  densify(src: Int32Array, out: Int32Array): boolean {
    const k = this.k;
    const mask = k - 1;
    let any = false;
    for (let i = 0; i < k; i++) if (src[i] !== EMPTY) any = true;
    if (!any) return false;
    const dirs = this.directions;
    for (let i = 0; i < k; i++) {
      const v = src[i]!;
      if (v !== EMPTY) {
        out[i] = v;
        continue;
      }
      const step = dirs[i]!;
      let d = 1;
      let j = (i + step) & mask;
      while (src[j] === EMPTY) {
        d++;
        j = (j + step) & mask;
      }
      out[i] = (src[j]! + Math.imul(d, 0x9e3779b1)) | 0;
    }
    return true;
  }

  /** Writes one 64-bit key per band into keysA/keysB. */
  bandKeys(sig: Int32Array, keysA: Int32Array, keysB: Int32Array): void {
    const { bands, rows } = this.params;
    for (let band = 0; band < bands; band++) {
      let a = Math.imul(band + 1, 0x9e3779b1);
      let b = Math.imul(band + 1, 0x85ebca6b);
      // Rows are strided across the signature: densification copies values into runs of
      // neighbouring bins, and a band of neighbours would agree on one shared word alone.
      for (let r = 0, i = band; r < rows; r++, i += bands) {
        const v = sig[i]!;
        a = Math.imul(a ^ v, 0x01000193);
        b = Math.imul((b + v) | 0, 0xc2b2ae35) ^ (b >>> 15);
      }
      keysA[band] = fmix32(a);
      keysB[band] = fmix32(b);
    }
  }
}
