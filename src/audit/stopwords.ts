import { fmix32, fnv1a } from '../util/index.js';

/**
 * Words MinHash ignores: English function words and the phrases that frame a request
 * ("tell me how to", "write a guide on", "hypothetically"). A paraphrase usually swaps exactly
 * these and keeps the topic words, so leaving them out keeps a reworded copy's Jaccard high
 * and stops two unrelated requests from looking alike because both say "how do I".
 * Exact match and n-gram overlap still use every token.
 */
export const STOPWORDS = `
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours ourselves out over own same she should so some such
than that the their theirs them themselves then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours yourself
yourselves im ive id dont don cant wont isnt s t ll re ve d m
please pls tell show explain describe give write walk guide instructions instruction steps step way ways
best need needs want know let lets help someone somebody one hypothetically hypothetical question quick
detail detailed details simply exactly really actually possible possibly like
`
  .split(/\s+/)
  .filter(Boolean);

/** Membership test over token hashes, in a small open-addressing table the scan probes once per token. */
export class StopSet {
  private readonly keys: Int32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(words: readonly string[]) {
    let cap = 64;
    while (cap < words.length * 4) cap *= 2;
    this.mask = cap - 1;
    this.keys = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    for (const w of words) {
      const h = fmix32(fnv1a(w));
      let s = h & this.mask;
      while (this.used[s] === 1 && this.keys[s] !== h) s = (s + 1) & this.mask;
      this.used[s] = 1;
      this.keys[s] = h;
    }
  }

  has(h: number): boolean {
    let s = h & this.mask;
    while (this.used[s] === 1) {
      if (this.keys[s] === h) return true;
      s = (s + 1) & this.mask;
    }
    return false;
  }
}

const EMPTY = new StopSet([]);
let english: StopSet | undefined;

export function stopSet(enabled: boolean): StopSet {
  if (!enabled) return EMPTY;
  return (english ??= new StopSet(STOPWORDS));
}
