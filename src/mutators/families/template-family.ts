import { templatesOf } from '../lexicon.js';
import { fillTemplate } from '../text.js';
import type { MutatorInfo, PureMutator } from '../types.js';

/**
 * A family that wraps the prompt in one of its templates (lexicon/templates.json); the seed picks
 * the template and the template's key is the variant, e.g. `fiction/nested`.
 */
export function templateFamily(info: Omit<MutatorInfo, 'needsAttacker'>): PureMutator {
  const variants = Object.entries(templatesOf(info.family));
  return {
    kind: 'pure',
    info: { ...info, needsAttacker: false },
    apply(prompt, rng) {
      const [variant, template] = rng.pick(variants);
      return [{ variant, text: fillTemplate(template, prompt) }];
    },
  };
}
