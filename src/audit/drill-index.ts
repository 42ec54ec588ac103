import { normalisePrompt } from '../util/index.js';
import type { AuditOptions } from './audit-options.js';
import type { DrillPrompt } from './drill-prompt.js';
import { chooseBands, MinHasher } from './minhash.js';
import { PairEntries, PairTable } from './pair-table.js';
import { PrefixHashes } from './prefix-hash.js';
import { shingleSet } from './shingles.js';
import { stopSet, type StopSet } from './stopwords.js';
import { tokenize, type Tokens } from './tokens.js';

/** One distinct drill text (prompts with the same normalised text share it). */
export interface IndexedText {
  text: string;
  tokens: Tokens;
  /** The n-gram size this text is matched with; 0 when it is shorter than the smallest n. */
  n: number;
  /** Sorted distinct MinHash shingles. */
  shingles: Int32Array;
  /** Indices of the drill prompts with this text. */
  prompts: number[];
}

/** The drill side, indexed once so the corpus can stream past it. */
export interface DrillIndex {
  options: AuditOptions;
  texts: IndexedText[];
  /** Whole-text hash → text index. */
  exact: PairTable;
  /** n-gram hash → posting index; postings are (text, position) pairs. */
  ngram: Map<number, PairTable>;
  ngramText: Int32Array;
  ngramPos: Int32Array;
  minhash: MinHasher;
  /** LSH band key → text index. */
  lsh: PairTable;
  /** Largest unit (tokens) MinHash compares as a whole; longer texts are compared by segment. */
  window: number;
  /** Units with fewer distinct shingles than this cannot reach the threshold against any prompt. */
  minUnitShingles: number;
  /** Some prompt spans a sentence or line break, so neighbouring corpus segments are also compared joined. */
  pairUnits: boolean;
  /** Tokens MinHash leaves out (empty when `minhashStopwords` is off). */
  stop: StopSet;
  /** Sentence/quoted segments of multi-segment prompts → posting; postings are (text, start, length). */
  segments: PairTable;
  segText: Int32Array;
  segStart: Int32Array;
  segLength: Int32Array;
}

// A prompt segment shorter than this, or with fewer content words, is too common to be evidence.
const MIN_SEGMENT_TOKENS = 5;
const MIN_SEGMENT_CONTENT = 2;

export function buildDrillIndex(prompts: DrillPrompt[], options: AuditOptions): DrillIndex {
  const stop = stopSet(options.minhashStopwords);
  const byText = new Map<string, IndexedText>();
  const texts: IndexedText[] = [];
  prompts.forEach((p, i) => {
    const key = normalisePrompt(p.text);
    let entry = byText.get(key);
    if (!entry) {
      const tokens = tokenize(p.text);
      const n = tokens.count >= options.shortPromptTokens ? options.ngram : options.ngramShort;
      const { set, count } = shingleSet(tokens.hashes, 0, tokens.count, options.shingle, stop);
      entry = { text: p.text, tokens, n: tokens.count >= n ? n : 0, shingles: set.slice(0, count), prompts: [] };
      byText.set(key, entry);
      texts.push(entry);
    }
    entry.prompts.push(i);
  });

  const prefix = new PrefixHashes();
  const exact = new PairEntries();
  const grams = new Map<number, PairEntries>();
  const postText: number[] = [];
  const postPos: number[] = [];
  const { bands, rows } = chooseBands(options.numPerm, options.minhashThreshold);
  const minhash = new MinHasher({ numPerm: options.numPerm, bands, rows, seed: options.seed });
  const lsh = new PairEntries();
  const segments = new PairEntries();
  const seg: { text: number[]; start: number[]; length: number[] } = { text: [], start: [], length: [] };
  const raw = minhash.signature();
  const sig = minhash.signature();
  const keysA = new Int32Array(bands);
  const keysB = new Int32Array(bands);
  let maxTokens = 0;
  let minShingles = Number.POSITIVE_INFINITY;
  let pairUnits = false;

  texts.forEach((t, ti) => {
    const count = t.tokens.count;
    if (count === 0) return;
    prefix.compute(t.tokens);
    exact.push(prefix.rangeA(0, count), prefix.rangeB(0, count), ti);
    // A wrapper ("write a story where someone asks: <memorised prompt>") shares only a short quoted
    // part with the corpus; its segments are indexed so a corpus text equal to one is found.
    let from = 0;
    for (let i = 1; i <= count; i++) {
      if (i < count && t.tokens.breakBefore[i] === 0) continue;
      const len = i - from;
      let content = 0;
      for (let k = from; k < i; k++) if (!stop.has(t.tokens.hashes[k]!)) content++;
      if (len < count && len >= MIN_SEGMENT_TOKENS && content >= MIN_SEGMENT_CONTENT) {
        segments.push(prefix.rangeA(from, i), prefix.rangeB(from, i), seg.text.length);
        seg.text.push(ti);
        seg.start.push(from);
        seg.length.push(len);
      }
      from = i;
    }
    if (t.n > 0) {
      let entries = grams.get(t.n);
      if (!entries) grams.set(t.n, (entries = new PairEntries()));
      for (let i = 0; i + t.n <= count; i++) {
        entries.push(prefix.rangeA(i, i + t.n), prefix.rangeB(i, i + t.n), postText.length);
        postText.push(ti);
        postPos.push(i);
      }
    }
    if (t.shingles.length >= options.minhashMinShingles) {
      minhash.clear(raw);
      for (const s of t.shingles) minhash.add(raw, s);
      minhash.densify(raw, sig);
      minhash.bandKeys(sig, keysA, keysB);
      for (let b = 0; b < bands; b++) lsh.push(keysA[b]!, keysB[b]!, ti);
      maxTokens = Math.max(maxTokens, count);
      minShingles = Math.min(minShingles, t.shingles.length);
      if (t.tokens.breakBefore.some((b, i) => i > 0 && b === 1)) pairUnits = true;
    }
  });

  const t = options.minhashThreshold;
  return {
    options,
    texts,
    exact: new PairTable(exact),
    ngram: new Map([...grams].map(([n, e]) => [n, new PairTable(e, { maxValuesPerKey: options.maxNgramPrompts })])),
    ngramText: Int32Array.from(postText),
    ngramPos: Int32Array.from(postPos),
    minhash,
    lsh: new PairTable(lsh),
    window: Math.min(1024, Math.max(8, Math.ceil(maxTokens / t))),
    minUnitShingles: Number.isFinite(minShingles) ? Math.max(1, Math.ceil(minShingles * t)) : Number.POSITIVE_INFINITY,
    pairUnits,
    stop,
    segments: new PairTable(segments, { maxValuesPerKey: options.maxNgramPrompts }),
    segText: Int32Array.from(seg.text),
    segStart: Int32Array.from(seg.start),
    segLength: Int32Array.from(seg.length),
  };
}
