import type { DrillIndex } from './drill-index.js';
import type { PairTable } from './pair-table.js';
import type { PrefixHashes } from './prefix-hash.js';
import type { HitSink } from './hit-sink.js';
import type { Tokens } from './tokens.js';

const MAX_HITS = 1 << 16;

export function sameTokens(a: Int32Array, ai: number, b: Int32Array, bi: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[ai + k] !== b[bi + k]) return false;
  return true;
}

/**
 * Long n-gram overlap: every n-gram of the corpus text is looked up in the drill n-gram table,
 * verified token by token, and the hits of one prompt become one piece of evidence scored by
 * the share of the prompt's tokens they cover, quoting the longest contiguous run.
 */
export class NgramScanner {
  private readonly sizes: number[];
  private readonly tables: PairTable[];
  private hitText: Int32Array = new Int32Array(256);
  private hitRec: Int32Array = new Int32Array(256);
  private hitPos: Int32Array = new Int32Array(256);
  private count = 0;
  private covered = new Uint8Array(256);

  constructor(private readonly index: DrillIndex) {
    this.sizes = [...index.ngram.keys()];
    this.tables = [...index.ngram.values()];
  }

  scan(tokens: Tokens, prefix: PrefixHashes, sink: HitSink): void {
    this.count = 0;
    const { ngramText, ngramPos, texts } = this.index;
    const hashes = tokens.hashes;
    for (let t = 0; t < this.sizes.length; t++) {
      const n = this.sizes[t]!;
      const table = this.tables[t]!;
      const last = tokens.count - n;
      for (let i = 0; i <= last; i++) {
        const a = prefix.rangeA(i, i + n);
        if (!table.mayHave(a)) continue;
        const slot = table.find(a, prefix.rangeB(i, i + n));
        if (slot < 0) continue;
        const start = table.start(slot);
        const end = start + table.length(slot);
        for (let k = start; k < end; k++) {
          const post = table.values[k]!;
          const ti = ngramText[post]!;
          const pos = ngramPos[post]!;
          if (sameTokens(hashes, i, texts[ti]!.tokens.hashes, pos, n)) this.push(ti, i, pos);
        }
      }
    }
    if (this.count > 0) this.report(tokens, sink);
  }

  private push(text: number, rec: number, pos: number): void {
    if (this.count === MAX_HITS) return;
    if (this.count === this.hitText.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.hitText = grow(this.hitText);
      this.hitRec = grow(this.hitRec);
      this.hitPos = grow(this.hitPos);
    }
    this.hitText[this.count] = text;
    this.hitRec[this.count] = rec;
    this.hitPos[this.count] = pos;
    this.count++;
  }

  private report(tokens: Tokens, sink: HitSink): void {
    const order = Array.from({ length: this.count }, (_, i) => i);
    const { hitText, hitRec } = this;
    order.sort((a, b) => hitText[a]! - hitText[b]! || hitRec[a]! - hitRec[b]!);
    let g = 0;
    while (g < order.length) {
      const ti = hitText[order[g]!]!;
      let end = g;
      while (end < order.length && hitText[order[end]!] === ti) end++;
      this.reportText(ti, order.slice(g, end), tokens, sink);
      g = end;
    }
  }

  private reportText(ti: number, hits: number[], tokens: Tokens, sink: HitSink): void {
    const entry = this.index.texts[ti]!;
    const n = entry.n;
    const len = entry.tokens.count;
    if (this.covered.length < len) this.covered = new Uint8Array(len * 2);
    this.covered.fill(0, 0, len);
    let covered = 0;
    let best = { from: 0, to: 0 };
    let run = { from: 0, to: 0 };
    hits.forEach((h, k) => {
      const rec = this.hitRec[h]!;
      const pos = this.hitPos[h]!;
      for (let p = pos; p < pos + n; p++) {
        if (this.covered[p]) continue;
        this.covered[p] = 1;
        covered++;
      }
      const prev = k > 0 ? hits[k - 1]! : -1;
      const extends_ = prev >= 0 && this.hitRec[prev] === rec - 1 && this.hitPos[prev] === pos - 1;
      run = extends_ ? { from: run.from, to: rec } : { from: rec, to: rec };
      if (k === 0 || run.to - run.from > best.to - best.from) best = run;
    });
    const score = covered / len;
    if (score < this.index.options.ngramMinCoverage) return;
    sink('ngram', ti, score, tokens.starts[best.from]!, tokens.ends[best.to + n - 1]!);
  }
}
