import { CUE } from './cue-bits.js';
import { sentenceCues } from './cues.js';
import { segment, type Segmented } from './segment.js';

/** What the rules, the model's structural features and the signals all read from a response. */
export interface Analysis {
  seg: Segmented;
  /** Cue bits per sentence, aligned with `seg.sentences`. */
  cues: number[];
  /** Every cue seen anywhere, OR-ed. */
  all: number;
  /** Cues of the first two sentences, OR-ed: where an implicit refusal or a stance disclaimer opens. */
  opening: number;
  /** Index of the first sentence that refuses, declines on policy or objects; -1 when none. */
  firstRefusal: number;
  /** Words before that sentence (content the model gave before refusing). */
  wordsBefore: number;
  /** Words after it in sentences that are not themselves refusal, lecture, redirect or caveat. */
  substantiveAfter: number;
  /** List items and code blocks after the first refusal. */
  structureAfter: number;
  /** Sentences with a refusal cue. */
  refusalCount: number;
  /** Words in sentences with no framing cue at all: the answer, if there is one. */
  substantive: number;
}

const STRONG = CUE.refuse | CUE.policy;
const SOFT = CUE.apology | CUE.notOk | CUE.rebut | CUE.pointOut;
const FRAMING =
  STRONG |
  SOFT |
  CUE.redirect |
  CUE.lecture |
  CUE.caveat |
  CUE.offerHelp |
  CUE.aiDisclaimer |
  CUE.limitation |
  CUE.noncommittal |
  CUE.hedge |
  CUE.noOpinion;
// Soft cues count as a refusal only near the start: an objection in the opening is a refusal
// ("It is not appropriate to…"), the same words after an answer are a caveat.
// The second sentence still counts when the first only framed the answer ("As an AI, …",
// "I'm happy to help, but …", a short opener).
const OPENER = CUE.aiDisclaimer | CUE.apology | CUE.sympathy | CUE.pointOut | CUE.noOpinion | CUE.contrast;
const SHORT_OPENER_WORDS = 8;

export function isRefusalSentence(bits: number, index: number, previous: number, previousWords: number): boolean {
  if (bits & STRONG) return true;
  if (!(bits & SOFT) || bits & CUE.sympathy) return false;
  return index === 0 || (index === 1 && (previous & OPENER || previousWords <= SHORT_OPENER_WORDS) !== 0);
}

export function analyse(text: string): Analysis {
  const seg = segment(text);
  const n = seg.sentences.length;
  const cues = new Array<number>(n);
  let all = 0;
  let firstRefusal = -1;
  let wordsBefore = 0;
  let substantiveAfter = 0;
  let structureAfter = 0;
  let refusalCount = 0;
  let substantive = 0;
  for (let i = 0; i < n; i++) {
    const s = seg.sentences[i]!;
    const bits = sentenceCues(s.lower);
    cues[i] = bits;
    all |= bits;
    const refusal = isRefusalSentence(bits, i, i > 0 ? cues[i - 1]! : 0, i > 0 ? seg.sentences[i - 1]!.words : 0);
    if (refusal) refusalCount++;
    if (!(bits & FRAMING)) substantive += s.words;
    if (firstRefusal < 0) {
      if (refusal) firstRefusal = i;
      else wordsBefore += s.words;
      continue;
    }
    if (s.listItem || s.lower === '[code]') structureAfter++;
    if (!(bits & FRAMING)) substantiveAfter += s.words;
  }
  const opening = (cues[0] ?? 0) | (cues[1] ?? 0);
  return { seg, cues, all, opening, firstRefusal, wordsBefore, substantiveAfter, structureAfter, refusalCount, substantive };
}
