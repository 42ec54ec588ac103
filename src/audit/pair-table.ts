/**
 * A read-only hash table from a 64-bit key (two uint32 halves) to a list of int values, in flat
 * typed arrays: the corpus scan probes it once per n-gram and must not allocate.
 * Built once from the drill side, which is small.
 */
export class PairTable {
  private readonly mask: number;
  private readonly shift: number;
  private readonly keysA: Int32Array;
  private readonly keysB: Int32Array;
  private readonly used: Uint8Array;
  /** One bit per hashed first half, ~8 bits per key: small enough to stay in cache, unlike the table. */
  private readonly filter: Int32Array;
  private readonly filterShift: number;
  private readonly offsets: Int32Array;
  private readonly lengths: Int32Array;
  readonly values: Int32Array;

  constructor(entries: PairEntries, options: { maxValuesPerKey?: number } = {}) {
    let cap = 16;
    while (cap < entries.count * 2) cap *= 2;
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
    this.keysA = new Int32Array(cap);
    this.keysB = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.lengths = new Int32Array(cap);
    this.offsets = new Int32Array(cap);
    let bits = 1 << 10;
    while (bits < entries.count * 8) bits *= 2;
    this.filter = new Int32Array(bits >>> 5);
    this.filterShift = 32 - Math.log2(bits);
    const slots = new Int32Array(entries.count);
    for (let i = 0; i < entries.count; i++) {
      const bit = Math.imul(entries.a[i]!, 0x85ebca6b) >>> this.filterShift;
      this.filter[bit >>> 5]! |= 1 << (bit & 31);
      const slot = this.insertKey(entries.a[i]!, entries.b[i]!);
      slots[i] = slot;
      this.lengths[slot]! += 1;
    }
    let total = 0;
    for (let s = 0; s < cap; s++) {
      this.offsets[s] = total;
      total += this.lengths[s]!;
    }
    this.values = new Int32Array(total);
    const fill = new Int32Array(cap);
    for (let i = 0; i < entries.count; i++) {
      const slot = slots[i]!;
      this.values[this.offsets[slot]! + fill[slot]!] = entries.v[i]!;
      fill[slot]! += 1;
    }
    // Keys shared by very many drill prompts are template boilerplate, not evidence about one prompt.
    const max = options.maxValuesPerKey ?? Number.POSITIVE_INFINITY;
    for (let s = 0; s < cap; s++) if (this.lengths[s]! > max) this.lengths[s] = 0;
  }

  /**
   * False when no key with this first half is stored (true for ~1 in 8 absent keys): one
   * multiply and one cached load, so the scan skips the second half for most corpus n-grams.
   */
  mayHave(a: number): boolean {
    const bit = Math.imul(a, 0x85ebca6b) >>> this.filterShift;
    return (this.filter[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** The slot holding the key, or -1. */
  find(a: number, b: number): number {
    const mask = this.mask;
    let s = Math.imul(a, 0x9e3779b1) >>> this.shift;
    while (this.used[s] === 1) {
      if (this.keysA[s] === a && this.keysB[s] === b) return s;
      s = (s + 1) & mask;
    }
    return -1;
  }

  start(slot: number): number {
    return this.offsets[slot]!;
  }

  length(slot: number): number {
    return this.lengths[slot]!;
  }

  private insertKey(a: number, b: number): number {
    const mask = this.mask;
    let s = Math.imul(a, 0x9e3779b1) >>> this.shift;
    while (this.used[s] === 1) {
      if (this.keysA[s] === a && this.keysB[s] === b) return s;
      s = (s + 1) & mask;
    }
    this.used[s] = 1;
    this.keysA[s] = a;
    this.keysB[s] = b;
    return s;
  }
}

/** Growable parallel arrays of (keyA, keyB, value) used to build a PairTable. */
export class PairEntries {
  count = 0;
  a = new Int32Array(64);
  b = new Int32Array(64);
  v = new Int32Array(64);

  push(a: number, b: number, v: number): void {
    if (this.count === this.a.length) {
      const size = this.count * 2;
      const a2 = new Int32Array(size);
      const b2 = new Int32Array(size);
      const v2 = new Int32Array(size);
      a2.set(this.a);
      b2.set(this.b);
      v2.set(this.v);
      this.a = a2;
      this.b = b2;
      this.v = v2;
    }
    this.a[this.count] = a;
    this.b[this.count] = b;
    this.v[this.count] = v;
    this.count++;
  }
}
