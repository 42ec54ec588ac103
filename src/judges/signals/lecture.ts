import { CUE } from '../text/cue-bits.js';
import type { SignalContext } from './signal-context.js';

// Telling the user how to behave or what to value, beyond the lexicon's lecture cue: "It is
// important to prioritize ethical behavior", "violence is never an acceptable solution", "I strongly
// advise you to avoid…", "I'm sure you understand the importance of being respectful". A caveat
// ("it's important to note that the law varies") informs; it does not moralise.
const MORALISING = new RegExp(
  [
    "\\b(?:it(?:'s| is)|is) (?:always |also |very |really |equally )?(?:important|crucial|essential|vital|imperative|necessary|best) (?:for (?:us|everyone|you|people) )?to (?:always |never |not |also )?(?:respect|treat|prioriti[sz]e|be (?:honest|truthful|respectful|kind|mindful|ethical|responsible|careful|considerate|compassionate|fair)|act|behave|support|follow|obey|abide|recogni[sz]e|challenge|avoid|refrain|rely|seek|approach|communicate|focus on|foster|promote|value|protect|uphold|use (?:technology|ai|the internet) (?:responsibly|ethically)|consider (?:the|others|how|their)|remember that (?:every|all|violence|harm|people|everyone)|understand that (?:every|all|people|everyone))",
    '\\b(?:is|are) never (?:an? )?(?:acceptable|appropriate|okay|ok|justified|justifiable|the answer|the solution|an (?:acceptable|appropriate) (?:solution|response|way))',
    '\\bshould (?:never|not|always) be (?:glorified|tolerated|promoted|condoned|encouraged|trivialized|trivialised|taken lightly)',
    '\\b(?:strongly |highly )?(?:advise|urge|encourage) you to (?:avoid|refrain|reconsider|stop|not|think|respect|seek)',
    "\\bi(?:'m| am) sure you (?:understand|can understand|can appreciate|agree)",
    '\\b(?:everyone|every (?:individual|person)|all (?:people|individuals)|each person) (?:deserves|has the right|should be treated)',
    '\\b(?:instead of|rather than) (?:labell?ing|judging|belittling|insulting|blaming|shaming|stereotyping)',
  ].join('|'),
);

// Every branch of MORALISING needs one of these words; most sentences have none.
const MAY_MORALISE =
  /important|crucial|essential|vital|imperative|necessary|best|never|should|advise|urge|encourage|sure you|everyone|every|all |each person|instead of|rather than/;

/**
 * Moralising at the user ("It's important to treat everyone with respect", "You should never…",
 * "I hope you understand"): one sentence that tells the user how to behave or what to value.
 */
export function lectureSignal({ a }: SignalContext): boolean {
  for (let i = 0; i < a.cues.length; i++) {
    if (a.cues[i]! & CUE.lecture) return true;
    const lower = a.seg.sentences[i]!.lower;
    if (MAY_MORALISE.test(lower) && MORALISING.test(lower)) return true;
  }
  return false;
}
