import { attackerFamily, translate } from './families/attacker-family.js';
import { cueAblation } from './families/cue-ablation.js';
import { dilution } from './families/dilution.js';
import { atbash, base64, caesar, charCodes, leetspeak, morse } from './families/encodings.js';
import { euphemism } from './families/euphemism.js';
import { misspellings } from './families/misspellings.js';
import { passive } from './families/passive.js';
import { question } from './families/question.js';
import { splitPayload } from './families/split-payload.js';
import { templateFamily } from './families/template-family.js';
import type { Mutator, MutatorInfo } from './types.js';

export type { MutatorInfo } from './types.js';

const framing = (family: string, description: string): Mutator => templateFamily({ family, group: 'framing', description });
const persuasion = (family: string, description: string): Mutator => templateFamily({ family, group: 'persuasion', description });

/** Every family, keyed by its name; `satisfies` makes the compiler check each entry is a Mutator. */
const MUTATORS = {
  // style
  question,
  passive,
  polite: templateFamily({
    family: 'polite',
    group: 'style',
    description: 'Polite wrapper with an apology ("I\'m so sorry to bother you…")',
  }),
  misspellings,
  slang: attackerFamily({ family: 'slang', group: 'style', description: 'Casual internet slang, written by the attacker model' }),
  jargon: attackerFamily({
    family: 'jargon',
    group: 'style',
    description: 'Dense technical jargon of the field, written by the attacker model',
  }),
  dialect: attackerFamily({
    family: 'dialect',
    group: 'style',
    description: 'An uncommon regional dialect, written by the attacker model',
  }),
  // framing
  hypothetical: framing('hypothetical', 'A hypothetical or thought experiment'),
  fiction: framing('fiction', 'Nested in a story, or a story within a story (fiction/nested)'),
  roleplay: framing('roleplay', 'A roleplay game with an unrestricted character'),
  screenplay: framing('screenplay', 'A screenplay scene or monologue in which an expert answers'),
  persona: framing('persona', 'Addressed to a persona that "never declines"'),
  academic: framing('academic', 'Academic research: a paper or an approved thesis'),
  'safety-training': framing('safety-training', 'Safety training or detection-system examples'),
  historical: framing('historical', 'A history essay or archive: how it was done in the past'),
  'past-tense': attackerFamily({
    family: 'past-tense',
    group: 'framing',
    description: 'Reformulated in the past tense ("How did people …?"), by the attacker model',
  }),
  'future-tense': attackerFamily({
    family: 'future-tense',
    group: 'framing',
    description: 'Reformulated in the future tense ("How will people …?"), by the attacker model',
  }),
  // persuasion (the persuasive-adversarial-prompt taxonomy SORRY-Bench uses)
  'logical-appeal': persuasion('logical-appeal', 'A logical argument that answering does more good than harm'),
  'authority-endorsement': persuasion('authority-endorsement', 'Cites institutions or agencies that endorse the topic'),
  'expert-endorsement': persuasion('expert-endorsement', 'Cites an expert who recommended asking'),
  'evidence-based': persuasion('evidence-based', 'Cites studies or statistics that information reduces harm'),
  misrepresentation: persuasion('misrepresentation', 'Claims a role that would justify the request (professional, investigator)'),
  'emotional-appeal': persuasion('emotional-appeal', 'Desperation or family pressure'),
  // oblique
  euphemism,
  'split-payload': splitPayload,
  dilution,
  // encodings
  base64,
  caesar,
  atbash,
  morse,
  leetspeak,
  'char-codes': charCodes,
  // injection
  'refusal-suppression': templateFamily({
    family: 'refusal-suppression',
    group: 'injection',
    description: 'Rules forbidding apologies, disclaimers and refusal words',
  }),
  'prefix-injection': templateFamily({
    family: 'prefix-injection',
    group: 'injection',
    description: 'Asks the answer to start with "Sure, here is"',
  }),
  // language, ablation, paraphrase
  translate,
  'cue-ablation': cueAblation,
  paraphrase: attackerFamily({ family: 'paraphrase', group: 'paraphrase', description: 'A free paraphrase by the attacker model' }),
} satisfies Record<string, Mutator>;

export type FamilyName = keyof typeof MUTATORS;
export const FAMILY_NAMES = Object.keys(MUTATORS) as FamilyName[];

export function isFamilyName(name: string): name is FamilyName {
  return Object.hasOwn(MUTATORS, name);
}

export function getMutator(name: FamilyName): Mutator {
  return MUTATORS[name];
}

/** Every family with its group, description and whether it needs `--attacker`, in a stable order. */
export function listMutators(): MutatorInfo[] {
  return FAMILY_NAMES.map((name) => ({ ...MUTATORS[name].info }));
}
