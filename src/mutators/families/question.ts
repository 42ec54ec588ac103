import { imperativeVerbs } from '../lexicon.js';
import { asClause, upperFirst } from '../text.js';
import type { MutationStep, PureMutator } from '../types.js';

const SUBJECT: Record<string, string> = { i: 'I', we: 'we', one: 'one', someone: 'someone', 'a person': 'a person', you: 'one' };
const HOW = /^how (do|can|could|would|should|might) (i|we|one|someone|a person|you) (.+)$/i;
const WH = /^(what|which|where|when|who|why|how)\b\s*(.+)$/i;

/** Restates the prompt as a question: an imperative becomes "Could you …?", a direct question an indirect one. */
export const question: PureMutator = {
  kind: 'pure',
  info: {
    family: 'question',
    group: 'style',
    description: 'Question form: "Write X" → "Could you write X?"; a direct question becomes an indirect one',
    needsAttacker: false,
  },
  apply(prompt, rng): MutationStep[] {
    const clause = asClause(prompt.replace(/^\s*please,?\s+/i, ''));
    if (!/\?\s*$/.test(prompt)) {
      const verb = clause.split(/\s+/)[0]?.toLowerCase() ?? '';
      if (imperativeVerbs.has(verb)) {
        const [variant, opener] = rng.pick([
          ['could-you', 'Could you'],
          ['would-you', 'Would you be able to'],
          ['is-it-possible', 'Is it possible for you to'],
        ] as const);
        return [{ variant, text: `${opener} ${clause}?` }];
      }
      return [{ variant: 'help-with', text: `Could you help me with this: ${clause}?` }];
    }
    const how = HOW.exec(clause);
    if (how) {
      const [, modal = '', subject = '', rest = ''] = how;
      const verb = modal.toLowerCase() === 'do' ? 'would' : modal.toLowerCase();
      return [{ variant: 'indirect', text: `Could you tell me how ${SUBJECT[subject.toLowerCase()] ?? subject} ${verb} ${rest}?` }];
    }
    const wh = WH.exec(clause);
    if (wh) return [{ variant: 'indirect', text: `I'd like to know ${clause} — could you tell me?` }];
    return [{ variant: 'wrapper', text: `Here is my question; could you answer it? ${upperFirst(clause)}?` }];
  },
};
