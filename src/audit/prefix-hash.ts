import { BASE_A, BASE_B } from './hash32.js';
import type { Tokens } from './tokens.js';

/**
 * Prefix polynomial hashes of a token run: the hash of any range is then O(1), so n-grams of
 * every size, whole texts and segments are all looked up from one pass over the tokens.
 */
export class PrefixHashes {
  private a = new Int32Array(257);
  private b = new Int32Array(257);
  private powA = new Int32Array([1]);
  private powB = new Int32Array([1]);

  compute(tokens: Tokens): void {
    const n = tokens.count;
    if (this.a.length <= n) {
      const size = Math.max(n + 1, this.a.length * 2);
      this.a = new Int32Array(size);
      this.b = new Int32Array(size);
    }
    if (this.powA.length <= n) this.growPowers(n + 1);
    const { a, b } = this;
    const h = tokens.hashes;
    a[0] = 0;
    b[0] = 0;
    for (let i = 0; i < n; i++) {
      a[i + 1] = Math.imul(a[i]!, BASE_A) + h[i]!;
      b[i + 1] = Math.imul(b[i]!, BASE_B) + (h[i]! ^ 0x5bd1e995);
    }
  }

  /** Hash A of tokens [start, end); Uint32 arrays wrap the subtraction mod 2^32 for us. */
  rangeA(start: number, end: number): number {
    return (this.a[end]! - Math.imul(this.a[start]!, this.powA[end - start]!)) | 0;
  }

  rangeB(start: number, end: number): number {
    return (this.b[end]! - Math.imul(this.b[start]!, this.powB[end - start]!)) | 0;
  }

  private growPowers(size: number): void {
    const len = Math.max(size, this.powA.length * 2);
    const pa = new Int32Array(len);
    const pb = new Int32Array(len);
    pa[0] = 1;
    pb[0] = 1;
    for (let i = 1; i < len; i++) {
      pa[i] = Math.imul(pa[i - 1]!, BASE_A);
      pb[i] = Math.imul(pb[i - 1]!, BASE_B);
    }
    this.powA = pa;
    this.powB = pb;
  }
}
