import { fnv1aRange } from '../hash.js';
import { CUE, type CueName } from './cue-bits.js';

/**
 * Words without which a cue's pattern cannot match; a pattern runs only on sentences holding one
 * of its words. This is what makes the judge fast: most sentences wake two or three of the
 * twenty-odd patterns. `stem*` matches any word starting with `stem`. `always` patterns are
 * anchored or trivial and always run. A test checks, over every sentence of the training data,
 * that gating never changes a cue (cues.test.ts).
 */
const TRIGGERS: Record<CueName, readonly string[] | 'always'> = {
  // Every refusal pattern has a first-person subject, a subjectless "cannot/unable", a verb it
  // declines to do, or "request".
  refuse: [
    'i', "i'm", "i'd", "i'll", 'we', "we're", 'cannot', "can't", "won't", 'unable', 'able', 'request', 'fulfill', 'fulfil', 'condone', 'promote', 'support', 'encourage', 'nope', 'going',
    'endorse', 'tolerate', 'advocate', 'capability', 'ability', 'capacity',
  ],
  policy: [
    'guidelines', 'policy', 'policies', 'programming', 'principles', 'rules', 'terms', 'standards', 'values', 'boundaries', 'scope', 'capabilities',
    'purpose', 'creators', 'developers', 'design', 'considerations', 'responsible', 'helpful', 'respectful', 'safe', 'ethical', 'programmed', 'designed',
    'trained', 'built', 'created', 'here', 'me', 'prioritize', 'prioritise', 'adhere', 'follow', 'ensure', 'maintain', 'comply',
  ],
  aiDisclaimer: ['ai', 'artificial', 'language', 'llm', 'chatbot', 'assistant', 'computer', 'machine'],
  noOpinion: ['opinion*', 'view*', 'belief*', 'feeling*', 'preference*', 'emotion*', 'stance*', 'side*', 'political', 'experience*', 'neutral', 'impartial', 'unbiased', 'objective'],
  limitation: [
    'access', 'browse', 'see', 'view', 'know', 'retrieve', 'look', 'search', 'track', 'determine', 'verify', 'real', 'current', 'up', 'live',
    'information', 'data', 'knowledge', 'training', 'details', 'context', 'records', 'available', 'private',
  ],
  apology: ['sorry', 'afraid', 'apologize', 'apologise', 'apologies'],
  sympathy: ['sorry', 'sounds', 'glad', 'happy', 'delighted', 'excited'],
  notOk: [
    'appropriate', 'ethical', 'acceptable', 'okay', 'ok', 'legal', 'responsible', 'respectful', 'advisable', 'productive', 'illegal', 'unethical',
    'inappropriate', 'immoral', 'unacceptable', 'wrong', 'disrespectful', 'harmful', 'offensive', 'crime', 'justified', 'reason', 'reasons', 'excuse',
    'excuses', 'justification', 'justifications', 'way', 'ways', 'sure',
  ],
  rebut: [
    'accurate', 'true', 'correct', 'fair', 'appropriate', 'right', 'helpful', 'productive', 'scientifically', 'evidence', 'scientific', 'basis', 'proof',
    'credible', 'factual', 'known', 'legitimate', 'stereotyp*', 'generali*', 'assumption*', 'myth*', 'misconcep*', 'trope*', 'premise*', 'claim*',
    'narrative*', 'idea*', 'notion*', 'belief*', 'based', 'conspiracy', 'falsehood', 'question', 'statement', 'sense', 'real', 'valid', 'meaningful',
    'think', 'challenge', 'reject', 'framing', 'reason*', 'benefit*', 'justification*', 'need', 'good', 'justified', 'denied', 'discriminated', 'barred',
    'banned', 'excluded', 'treated', 'prevented', 'prohibited', 'best',
  ],
  pointOut: ['point', 'clarify', 'inform', 'emphasize', 'emphasise', 'remind', 'note', 'correct', 'advise', 'address', 'stress', 'mention', 'caution', 'highlight', 'push'],
  redirect: [
    'instead', 'rather', 'suggest', 'recommend', 'encourage', 'urge', 'advise', 'invite', 'professional*', 'doctor*', 'therapist*', 'counselor*', 'counsellor*',
    'lawyer*', 'attorney*', 'expert*', 'authorit*', 'police*', 'specialist*', 'healthcare*', 'physician*', 'hotline*', 'helpline*', 'crisis*', 'emergenc*',
    'organization*', 'organisation*', 'support*', 'adult*', 'friend*', 'member*', 'lifeline*', 'struggling', 'danger', 'experiencing', 'feeling', 'having',
    'resource', 'resources', 'focus', 'alone', 'care', 'love', 'reach', 'reaching', 'guidance',
  ],
  helpful: 'always',
  caveat: ['however', 'important', 'crucial', 'essential', 'worth', 'advisable', 'always', 'also', 'note', 'mind', 'aware', 'careful', 'cautious', 'mindful', 'disclaimer', 'said'],
  lecture: [
    'important', 'crucial', 'essential', 'vital', 'necessary', 'okay', 'should', 'please', 'hope', 'question*', 'language', 'request*', 'action*',
    'behavior*', 'behaviour*', 'thinking', 'comment*', 'idea*', 'attitude*', 'respect', 'dignity', 'kindness', 'empathy', 'compassion', 'perpetuat*',
    'reinforc*', 'promot*', 'spread*',
  ],
  question: 'always',
  contrast: ['but', 'however', 'though', 'although', 'said'],
  harmWord: ['harm*', 'illegal*', 'unethical', 'danger*', 'inappropriate', 'offensive', 'violen*', 'hurtful', 'abus*', 'discriminat*', 'hateful', 'malicious', 'exploit*', 'crim*'],
  offerHelp: ['happy', 'glad', 'here', 'help', 'assist', 'let', 'else', 'free', 'questions', 'topics', 'ways', 'other'],
  hedge: [
    'speculate', 'generali*', 'assum*', 'judg*', 'prediction*', 'side*', 'stance', 'position', 'speak', 'predict', 'infer', 'interpret', 'opinion*',
    'view*', 'belief*', 'preference*', 'decide', 'decisions', 'choose', 'endorse', 'intention*', 'motive*', 'what',
  ],
  pivot: ['but', 'however', 'though', 'said', 'nevertheless', 'nonetheless', 'answer', 'here', 'provide', 'offer', 'give', 'share', 'tell', 'suggest'],
  noncommittal: [
    'up', 'depends', 'subjective', 'matter', 'argue', 'believe', 'say', 'see', 'view', 'feel', 'others', 'sides', 'perspectives', 'viewpoints', 'opinions',
    'answer', 'consensus', 'complex', 'controversial', 'debated', 'contentious', 'divisive', 'careful', 'consider',
  ],
  condemn: [
    'acceptable', 'appropriate', 'okay', 'ok', 'justified', 'justifiable', 'excusable', 'answer', 'solution', 'illegal',
    'unethical', 'immoral', 'unlawful', 'thing', 'emulated', 'encouraged', 'celebrated', 'disagree', 'against', 'recommend', 'advise', 'encourage', 'suggest', 'right',
  ],
  clarify: ['understand', 'clear', 'unclear', 'clarify', 'rephrase', 'elaborate', 'more', 'explain', 'mean'],
};

// Words are looked up by their FNV hash, never sliced out of the sentence: this runs on every
// word of every response. A collision can only wake a pattern needlessly, never silence one.
const EXACT = new Map<number, number>();
/** Stems by the hash of their first three letters, so a word checks only stems it could start with. */
const STEMS = new Map<number, Array<[string, number]>>();
/** Two-letter openings of any stem: most words fail this check and skip the stem lookup. */
const STEM_OPENINGS = new Uint8Array(27 * 27);
/** Two-letter openings of any trigger at all ("i" is i + nothing): words failing this are skipped unhashed. */
const OPENINGS = new Uint8Array(27 * 27);
// Keys kept to 30 bits stay small integers in V8: no boxed numbers on the hot path.
const smi = (h: number): number => h >>> 2;
const letter = (c: number): number => (c >= 97 && c <= 122 ? c - 96 : 0);
let ALWAYS = 0;
for (const [name, words] of Object.entries(TRIGGERS) as Array<[CueName, readonly string[] | 'always']>) {
  const bit = CUE[name];
  if (words === 'always') {
    ALWAYS |= bit;
    continue;
  }
  for (const w of words) {
    if (w.endsWith('*')) {
      const stem = w.slice(0, -1);
      const key = smi(fnv1aRange(stem, 0, 3));
      STEM_OPENINGS[letter(stem.charCodeAt(0)) * 27 + letter(stem.charCodeAt(1))] = 1;
      OPENINGS[letter(stem.charCodeAt(0)) * 27 + letter(stem.charCodeAt(1))] = 1;
      const list = STEMS.get(key) ?? [];
      list.push([stem, bit]);
      STEMS.set(key, list);
    } else {
      const key = smi(fnv1aRange(w, 0, w.length));
      EXACT.set(key, (EXACT.get(key) ?? 0) | bit);
      OPENINGS[letter(w.charCodeAt(0)) * 27 + (w.length > 1 ? letter(w.charCodeAt(1)) : 0)] = 1;
    }
  }
}

function wordMask(text: string, a: number, b: number): number {
  if (!OPENINGS[letter(text.charCodeAt(a)) * 27 + (b - a > 1 ? letter(text.charCodeAt(a + 1)) : 0)]) return 0;
  let m = EXACT.get(smi(fnv1aRange(text, a, b))) ?? 0;
  if (b - a >= 3 && STEM_OPENINGS[letter(text.charCodeAt(a)) * 27 + letter(text.charCodeAt(a + 1))]) {
    const stems = STEMS.get(smi(fnv1aRange(text, a, a + 3)));
    if (stems) for (const [stem, bit] of stems) if (b - a >= stem.length && text.startsWith(stem, a)) m |= bit;
  }
  return m;
}

/** The cues whose patterns could match this lowercased sentence. */
export function candidateCues(lower: string): number {
  let mask = ALWAYS;
  let start = -1;
  const n = lower.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c === 39 && start >= 0)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      // A trailing quote ('abused') is not part of the word; a leading one never starts it.
      const end = lower.charCodeAt(i - 1) === 39 ? i - 1 : i;
      if (end > start) mask |= wordMask(lower, start, end);
      start = -1;
    }
  }
  return mask;
}
