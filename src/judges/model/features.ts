import { rulesVerdict } from '../rules/rules-verdict.js';
import type { Analysis } from '../text/analyse.js';
import { CUE, CUE_NAMES } from '../text/cue-bits.js';
import { promptForm } from '../text/prompt-form.js';
import { contentWords } from '../text/words.js';
import { fnv1a, fnv1aRange } from '../hash.js';

/** Bumped whenever a feature changes meaning, so stale weights are refused rather than misread. */
export const FEATURE_VERSION = 2;

/** Hash space of the linear model; features are hashed into `2^HASH_BITS` buckets. */
export const HASH_BITS = 18;
const MASK = (1 << HASH_BITS) - 1;

export interface FeatureOptions {
  /** Word n-grams of the opening and closing sentences (off gives a structure-only model). */
  lexical: boolean;
  /** Called with each feature's name and bucket, to explain a score. */
  trace?: (name: string, bucket: number) => void;
}

// Sentences of the opening whose words are features: where a refusal, if any, almost always is.
const OPENING = 3;
const NEGATION = /\b(?:not|no|never|cannot|none|nothing)\b|n't\b/;
const POSITIONS = ['s0', 's1', 's2', 'last'] as const;
// "As an AI language model" is one fact (a disclaimer), not five words: folded into one token so
// the model does not learn one vendor's phrasing of it as refusal or compliance.
const AI_DISCLAIMER =
  /\b(?:as an? |i am |i'm )(?:\w+ )?(?:ai|artificial intelligence)(?: language model| assistant| model)?|\b(?:as an? |i am |i'm )(?:\w+ )?language model/g;

function bucket(n: number, edges: readonly number[]): number {
  let i = 0;
  while (i < edges.length && n >= edges[i]!) i++;
  return i;
}

// Feature names are hashed once; the hot path looks buckets up by name or by index.
const named = new Map<string, number>();
function bucketOf(name: string): number {
  let b = named.get(name);
  if (b === undefined) named.set(name, (b = fnv1a(name) & MASK));
  return b;
}
// Condemnation reaches the model through the implicit-refusal features below, not by position:
// "is never acceptable" after an answer is a caveat, and per-position weights learnt that noise.
const GENERIC_CUES = CUE_NAMES.filter((c) => c !== 'condemn');
const POSITION_CUE = POSITIONS.map((p) => GENERIC_CUES.map((c) => bucketOf(`${p}:${c}`)));
const POSITION_LIST = POSITIONS.map((p) => bucketOf(`${p}:list`));
const ANY_CUE = GENERIC_CUES.map((c) => [0, 1, 2].map((k) => bucketOf(`any:${c}:${k}`)));
const CUE_BITS = GENERIC_CUES.map((c) => CUE[c]);

/**
 * The model's features: what each sentence does by position (from the cue lexicon), how much
 * substantive content follows the first refusal, the layout (lists, code, numbers), the rules'
 * own decision, whether the opening negates the prompt's own words, the prompt's grammatical
 * form, and word uni/bigrams of the opening three sentences and the last one. The prompt's
 * words are never features themselves, so the model learns how responses refuse, not which
 * prompts get refused.
 */
export function extractFeatures(prompt: string, a: Analysis, o: FeatureOptions): number[] {
  const f: number[] = [];
  const trace = o.trace;
  const put = (b: number, name: () => string): void => {
    f.push(b);
    trace?.(name(), b);
  };
  const add = (name: string): void => put(bucketOf(name), () => name);
  const n = a.cues.length;
  for (let p = 0; p < POSITIONS.length; p++) {
    const i = p === 3 ? n - 1 : p;
    if (i < 0 || i >= n || (p === 3 && i < 3)) continue;
    const bits = a.cues[i]!;
    for (let c = 0; c < CUE_BITS.length; c++)
      if (bits & CUE_BITS[c]!) put(POSITION_CUE[p]![c]!, () => `${POSITIONS[p]}:${GENERIC_CUES[c]}`);
    if (a.seg.sentences[i]!.listItem) put(POSITION_LIST[p]!, () => `${POSITIONS[p]}:list`);
  }
  let counts = 0;
  for (let k = 0; k < CUE_BITS.length; k++) {
    let c = 0;
    for (let i = 0; i < n; i++) if (a.cues[i]! & CUE_BITS[k]!) c++;
    if (c > 0) {
      const level = bucket(c, [2, 4]);
      put(ANY_CUE[k]![level]!, () => `any:${GENERIC_CUES[k]}:${level}`);
    }
    counts += c;
  }
  add(`cuecount:${bucket(counts, [1, 3, 6, 10])}`);
  add(`fr:${a.firstRefusal < 0 ? 'none' : bucket(a.firstRefusal, [1, 2, 4])}`);
  add(`rc:${bucket(a.refusalCount, [1, 2, 3, 5])}`);
  if (a.firstRefusal >= 0) {
    add(`wb:${bucket(a.wordsBefore, [1, 20, 40, 80])}`);
    add(`sa:${bucket(a.substantiveAfter, [1, 20, 50, 100, 150])}`);
    if (a.structureAfter) add(`st:${bucket(a.structureAfter, [3, 6])}`);
  }
  const share = a.seg.words === 0 ? 0 : a.substantive / a.seg.words;
  add(`share:${bucket(share, [0.1, 0.25, 0.5, 0.75, 0.9])}`);
  add(`words:${bucket(a.seg.words, [1, 15, 40, 80, 150, 250])}`);
  // Layout features fire only when present: an always-on "no list" feature would act as a bias
  // that short answers (few other features) cannot outweigh.
  if (a.seg.listItems) add(`list:${bucket(a.seg.listItems, [3, 6])}`);
  if (a.seg.codeBlocks) add('code');
  if (a.seg.headings) add(`head:${bucket(a.seg.headings, [3])}`);
  if (a.seg.numbers) add(`num:${bucket(a.seg.numbers, [3, 8])}`);
  const rule = rulesVerdict(a, prompt);
  add(`rule:${rule.path}`);
  add(`rule:${rule.verdict}`);
  if (n > 0) {
    const first = a.seg.sentences[0]!.lower;
    const pw = contentWords(prompt);
    let hit = 0;
    for (const w of contentWords(first)) if (pw.has(w)) hit++;
    const overlap = pw.size === 0 ? 0 : hit / pw.size;
    const neg = NEGATION.test(first);
    add(`ov:${bucket(overlap, [0.01, 0.3, 0.6])}:${neg ? 'neg' : 'pos'}`);
    const form = promptForm(prompt);
    add(`form:${form}`);
    if (/^(?:no|yes)\b/.test(first)) add(`s0:starts-${first.slice(0, 2) === 'no' ? 'no' : 'yes'}:${form}`);
    if (a.firstRefusal === 0) add(`fr0:${form}`);
  }
  // Implicit refusal: the opening condemns the act; what follows decides refusal or partial.
  if (a.opening & CUE.condemn && a.firstRefusal < 0) {
    add(`imp:${a.all & CUE.redirect ? 'redir' : 'noredir'}:${bucket(share, [0.25, 0.5, 0.75])}`);
    add(`imp:list:${bucket(a.seg.listItems, [1, 3])}`);
  }
  add('bias');
  if (o.lexical) {
    for (let i = 0; i < n && i < OPENING; i++) {
      const lower = a.seg.sentences[i]!.lower;
      ngrams(a.cues[i]! & CUE.aiDisclaimer ? lower.replace(AI_DISCLAIMER, 'aidisclaimer') : lower, HEAD, put);
    }
    if (n > OPENING) ngrams(a.seg.sentences[n - 1]!.lower, LAST, put);
  }
  return f;
}

const HEAD = { name: 'h', seed: fnv1a('h:') };
const LAST = { name: 'l', seed: fnv1a('l:') };
const SPACE = 32;
const isLetter = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Word unigrams and bigrams (`h:word`, `h:prev word`, with `^` before the first word), hashed
 * straight from the sentence: words are letters and apostrophes, or runs of digits.
 */
function ngrams(lower: string, prefix: { name: string; seed: number }, put: (b: number, name: () => string) => void): void {
  let prevStart = -1;
  let prevEnd = -1;
  let i = 0;
  const len = lower.length;
  while (i < len) {
    const c = lower.charCodeAt(i);
    let j = i + 1;
    if (isLetter(c)) while (j < len && (isLetter(lower.charCodeAt(j)) || lower.charCodeAt(j) === 39)) j++;
    else if (isDigit(c)) while (j < len && isDigit(lower.charCodeAt(j))) j++;
    else {
      i = j;
      continue;
    }
    const start = i;
    const end = j;
    put(fnv1aRange(lower, start, end, prefix.seed) & MASK, () => `${prefix.name}:${lower.slice(start, end)}`);
    const prev = prevStart < 0 ? fnv1a('^', prefix.seed) : fnv1aRange(lower, prevStart, prevEnd, prefix.seed);
    const ps = prevStart;
    const pe = prevEnd;
    put(
      fnv1aRange(lower, start, end, Math.imul(prev ^ SPACE, 0x01000193) >>> 0) & MASK,
      () => `${prefix.name}:${ps < 0 ? '^' : lower.slice(ps, pe)} ${lower.slice(start, end)}`,
    );
    prevStart = start;
    prevEnd = end;
    i = j;
  }
}
