import { encodingInstructions } from '../lexicon.js';
import type { Rng } from '../rng.js';
import { fillTemplate } from '../text.js';
import type { MutationStep, MutatorInfo, PureMutator } from '../types.js';

export interface Encoding {
  variant: string;
  payload: string;
  /** Extra template slots, e.g. the Caesar shift the instruction names. */
  slots?: Record<string, string>;
}

/**
 * An encoding family: the codec (in ../codecs/, each with its decoder) encodes the whole prompt and
 * a seed-picked instruction from lexicon/encoding-instructions.json asks the model to decode it.
 */
export function encodingFamily(o: { family: string; description: string; encode: (prompt: string, rng: Rng) => Encoding[] }): PureMutator {
  const info: MutatorInfo = { family: o.family, group: 'encoding', description: o.description, needsAttacker: false };
  const instructions = encodingInstructions[o.family];
  if (!instructions?.length) throw new Error(`no instructions for encoding "${o.family}" in lexicon/encoding-instructions.json`);
  return {
    kind: 'pure',
    info,
    apply(prompt, rng) {
      const out: MutationStep[] = [];
      for (const e of o.encode(prompt.trim(), rng)) {
        // A prompt the codec leaves as it was (leetspeak on text without its letters) is not a mutation.
        if (e.payload === prompt.trim()) continue;
        const instruction = rng.pick(instructions);
        out.push({ variant: e.variant, text: fillTemplate(instruction, prompt, { payload: e.payload, ...e.slots }) });
      }
      return out;
    },
  };
}
