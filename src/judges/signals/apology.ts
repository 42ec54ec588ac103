import { CUE } from '../text/cue-bits.js';
import type { SignalContext } from './signal-context.js';

/** The response apologises ("I'm sorry, but…", "I apologize"); sympathy ("sorry to hear that") is not an apology. */
export function apologySignal({ a }: SignalContext): boolean {
  return a.cues.some((c) => (c & CUE.apology) !== 0 && (c & CUE.sympathy) === 0);
}
