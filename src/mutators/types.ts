import type { Rng } from './rng.js';

export const MUTATOR_GROUPS = [
  'style',
  'framing',
  'persuasion',
  'oblique',
  'encoding',
  'injection',
  'language',
  'ablation',
  'paraphrase',
] as const;
export type MutatorGroup = (typeof MUTATOR_GROUPS)[number];

export interface MutatorInfo {
  family: string;
  group: MutatorGroup;
  description: string;
  needsAttacker: boolean;
}

/** One rephrasing made by one family; `variant` becomes the second half of the `family/variant` lineage. */
export interface MutationStep {
  text: string;
  variant: string;
  language?: string;
}

/** Runs offline: the same prompt and rng state always give the same steps. An empty list means "not applicable". */
export interface PureMutator {
  kind: 'pure';
  info: MutatorInfo;
  apply(prompt: string, rng: Rng): MutationStep[];
}

/** What to ask the attacker model for one variant; the instruction is a fixed template, so requests cache. */
export interface AttackerAsk {
  variant: string;
  instruction: string;
  language?: string;
}

export interface AttackerMutator {
  kind: 'attacker';
  info: MutatorInfo;
  asks(prompt: string): AttackerAsk[];
}

export type Mutator = PureMutator | AttackerMutator;
