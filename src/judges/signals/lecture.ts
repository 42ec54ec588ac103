import { CUE } from '../text/cue-bits.js';
import type { SignalContext } from './signal-context.js';

const AT_USER = /\byou(?:r|rself)?\b/;

/**
 * Moralising at the user ("It's important to treat everyone with respect", "You should never…",
 * "I hope you understand"): one such sentence addressed to the user, or two in general terms.
 */
export function lectureSignal({ a }: SignalContext): boolean {
  let general = 0;
  for (let i = 0; i < a.cues.length; i++) {
    if (!(a.cues[i]! & CUE.lecture)) continue;
    if (AT_USER.test(a.seg.sentences[i]!.lower)) return true;
    general++;
  }
  return general >= 2;
}
