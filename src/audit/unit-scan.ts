import type { DrillIndex } from './drill-index.js';
import type { HitSink } from './hit-sink.js';
import { sameTokens } from './ngram-scan.js';
import type { PrefixHashes } from './prefix-hash.js';
import { jaccardSorted, shingleSet, shinglesInto } from './shingles.js';
import type { Tokens } from './tokens.js';

/**
 * Whole-unit detectors. A unit is the whole corpus text, or — for texts longer than the MinHash
 * window — each sentence/line segment (and each pair of neighbouring segments when some prompt
 * spans a break), so a paraphrase inside a long document is compared at its own size instead
 * of being diluted. Exact: the unit's normalised tokens equal a prompt's. MinHash-LSH:
 * candidates from shared band keys, confirmed with the exact Jaccard of the two shingle sets.
 */
export class UnitScanner {
  private readonly raw: Int32Array;
  private readonly prev: Int32Array;
  private readonly pair: Int32Array;
  private readonly dense: Int32Array;
  private readonly keysA: Int32Array;
  private readonly keysB: Int32Array;
  private readonly stamp: Int32Array;
  private stampValue = 0;
  private shingles: Int32Array = new Int32Array(256);
  private set: Int32Array = new Int32Array(256);
  private prevCount = 0;

  constructor(private readonly index: DrillIndex) {
    const mh = index.minhash;
    this.raw = mh.signature();
    this.prev = mh.signature();
    this.pair = mh.signature();
    this.dense = mh.signature();
    this.keysA = new Int32Array(mh.params.bands);
    this.keysB = new Int32Array(mh.params.bands);
    this.stamp = new Int32Array(index.texts.length).fill(-1);
  }

  scan(tokens: Tokens, prefix: PrefixHashes, sink: HitSink): void {
    const n = tokens.count;
    this.exact(tokens, prefix, 0, n, sink);
    const { window } = this.index;
    if (n <= window) {
      const count = this.hash(tokens, 0, n, this.raw);
      this.minhash(tokens, this.raw, count, 0, n, sink);
    }
    let segStart = 0;
    let prevStart = -1;
    for (let i = 1; i <= n; i++) {
      if (i < n && tokens.breakBefore[i] === 0) continue;
      if (segStart === 0 && i === n) break; // one segment: the whole text, done above
      this.exact(tokens, prefix, segStart, i, sink);
      // Unpunctuated stretches longer than the window are cut into half-window chunks, paired like segments.
      if (n > window) {
        const step = i - segStart > window ? Math.ceil(window / 2) : i - segStart;
        for (let c = segStart; c < i; c += step) prevStart = this.segment(tokens, prevStart, c, Math.min(c + step, i), sink);
      }
      segStart = i;
    }
  }

  /** Signature of tokens [start, end) into `sig`; returns the number of shingles hashed. */
  private hash(tokens: Tokens, start: number, end: number, sig: Int32Array): number {
    if (this.shingles.length < end - start) this.shingles = new Int32Array((end - start) * 2);
    const { index } = this;
    const count = shinglesInto(tokens.hashes, start, end, index.options.shingle, index.stop, this.shingles);
    const mh = index.minhash;
    mh.clear(sig);
    for (let j = 0; j < count; j++) mh.add(sig, this.shingles[j]!);
    return count;
  }

  /** MinHash over one segment and over it joined with the previous one; returns where the pairable segment starts. */
  private segment(tokens: Tokens, prevStart: number, start: number, end: number, sink: HitSink): number {
    const { pairUnits, window } = this.index;
    const count = this.hash(tokens, start, end, this.raw);
    this.minhash(tokens, this.raw, count, start, end, sink);
    if (!pairUnits) return start;
    if (prevStart >= 0 && end - prevStart <= window) {
      this.index.minhash.union(this.pair, this.prev, this.raw);
      this.minhash(tokens, this.pair, count + this.prevCount, prevStart, end, sink);
    }
    this.prev.set(this.raw);
    this.prevCount = count;
    return start;
  }

  /** The unit equals a whole prompt (exact), or one sentence or quoted part of a longer prompt (n-gram, scored by coverage). */
  private exact(tokens: Tokens, prefix: PrefixHashes, start: number, end: number, sink: HitSink): void {
    if (end <= start) return;
    const { exact, segments, texts } = this.index;
    const a = prefix.rangeA(start, end);
    const len = end - start;
    if (exact.mayHave(a)) {
      const slot = exact.find(a, prefix.rangeB(start, end));
      for (let k = slot < 0 ? 0 : exact.start(slot), last = slot < 0 ? 0 : k + exact.length(slot); k < last; k++) {
        const t = texts[exact.values[k]!]!.tokens;
        if (t.count === len && sameTokens(tokens.hashes, start, t.hashes, 0, len))
          sink('exact', exact.values[k]!, 1, tokens.starts[start]!, tokens.ends[end - 1]!);
      }
    }
    if (!segments.mayHave(a)) return;
    const slot = segments.find(a, prefix.rangeB(start, end));
    if (slot < 0) return;
    const { segText, segStart, segLength } = this.index;
    for (let k = segments.start(slot), last = k + segments.length(slot); k < last; k++) {
      const post = segments.values[k]!;
      const ti = segText[post]!;
      const t = texts[ti]!.tokens;
      const score = len / t.count;
      if (
        segLength[post] === len &&
        score >= this.index.options.ngramMinCoverage &&
        sameTokens(tokens.hashes, start, t.hashes, segStart[post]!, len)
      )
        sink('ngram', ti, score, tokens.starts[start]!, tokens.ends[end - 1]!);
    }
  }

  /** `count` bounds the unit's distinct shingles from above, so units too small to match skip the LSH. */
  private minhash(tokens: Tokens, raw: Int32Array, count: number, start: number, end: number, sink: HitSink): void {
    const { index } = this;
    if (count < index.minUnitShingles) return;
    const mh = index.minhash;
    if (!mh.densify(raw, this.dense)) return;
    mh.bandKeys(this.dense, this.keysA, this.keysB);
    const stamp = ++this.stampValue;
    let setCount = -1;
    const threshold = index.options.minhashThreshold;
    for (let b = 0; b < mh.params.bands; b++) {
      const keyA = this.keysA[b]!;
      if (!index.lsh.mayHave(keyA)) continue;
      const slot = index.lsh.find(keyA, this.keysB[b]!);
      if (slot < 0) continue;
      for (let k = index.lsh.start(slot), last = k + index.lsh.length(slot); k < last; k++) {
        const ti = index.lsh.values[k]!;
        if (this.stamp[ti] === stamp) continue;
        this.stamp[ti] = stamp;
        if (setCount < 0) {
          const r = shingleSet(tokens.hashes, start, end, index.options.shingle, index.stop, this.set);
          this.set = r.set;
          setCount = r.count;
        }
        const other = index.texts[ti]!.shingles;
        const j = jaccardSorted(this.set, setCount, other, other.length);
        if (j >= threshold) sink('minhash', ti, j, tokens.starts[start]!, tokens.ends[end - 1]!);
      }
    }
  }
}
