import { attackerLexicon, languages } from '../lexicon.js';
import type { AttackerMutator, MutatorGroup } from '../types.js';

function instruction(family: string): string {
  const text = attackerLexicon.instructions[family];
  if (!text) throw new Error(`no attacker instruction for "${family}" in lexicon/attacker.json`);
  return text;
}

/** A family the attacker model writes: one fixed instruction, one rewrite, lineage `<family>/generated`. */
export function attackerFamily(o: { family: string; group: MutatorGroup; description: string }): AttackerMutator {
  const text = instruction(o.family);
  return {
    kind: 'attacker',
    info: { family: o.family, group: o.group, description: o.description, needsAttacker: true },
    asks: () => [{ variant: 'generated', instruction: text }],
  };
}

/** One translation per language in lexicon/languages.json; lineage `translate/<code>`, and the case takes that language. */
export const translate: AttackerMutator = {
  kind: 'attacker',
  info: {
    family: 'translate',
    group: 'language',
    description: `Translation by the attacker model into ${languages.map((l) => l.name).join(', ')}`,
    needsAttacker: true,
  },
  asks: () =>
    languages.map((l) => ({ variant: l.code, language: l.code, instruction: instruction('translate').replaceAll('{language}', l.name) })),
};
