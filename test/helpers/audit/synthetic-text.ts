import { seededRandom } from '../../../src/util/seeded-random.js';

/**
 * Deterministic synthetic text for tests and benchmarks: a pseudo-word vocabulary with a Zipf
 * distribution, so filler documents share common words with drill prompts the way real text
 * does, without shipping a corpus.
 */
export const rng = seededRandom;

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'br',
  'ch',
  'cl',
  'dr',
  'fl',
  'gr',
  'pl',
  'pr',
  'sh',
  'st',
  'str',
  'th',
  'tr',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ee', 'oo', 'ou'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'ng'];

export class Vocabulary {
  readonly words: string[];
  private readonly cumulative: Float64Array;

  constructor(size: number, seed: number) {
    const rand = rng(seed);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const seen = new Set<string>();
    // The most frequent words are real function words, as in any English corpus.
    const words = [
      'the',
      'of',
      'and',
      'to',
      'a',
      'in',
      'is',
      'it',
      'you',
      'that',
      'for',
      'on',
      'with',
      'as',
      'this',
      'be',
      'at',
      'by',
      'or',
      'from',
    ];
    words.forEach((w) => seen.add(w));
    while (words.length < size) {
      const syllables = 1 + Math.floor(rand() * 3);
      let w = '';
      for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
      if (!seen.has(w)) {
        seen.add(w);
        words.push(w);
      }
    }
    this.words = words;
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let r = 0; r < size; r++) this.cumulative[r] = total += 1 / (r + 1);
    for (let r = 0; r < size; r++) this.cumulative[r]! /= total;
  }

  /** A word drawn by Zipf's law. */
  zipf(rand: () => number): string {
    const u = rand();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo]!;
  }

  /** A word drawn uniformly from the rarer part of the vocabulary: topic words. */
  topical(rand: () => number): string {
    const from = Math.floor(this.words.length / 20);
    return this.words[from + Math.floor(rand() * (this.words.length - from))]!;
  }

  sentence(rand: () => number, min: number, max: number): string {
    const n = min + Math.floor(rand() * (max - min + 1));
    const w: string[] = [];
    for (let i = 0; i < n; i++) w.push(rand() < 0.7 ? this.zipf(rand) : this.topical(rand));
    const s = w.join(' ');
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  }

  document(rand: () => number, sentences: number): string {
    const out: string[] = [];
    for (let i = 0; i < sentences; i++) out.push(this.sentence(rand, 6, 22));
    return out.join(rand() < 0.3 ? '\n' : ' ');
  }
}
