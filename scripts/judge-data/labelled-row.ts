import type { Message } from '../../src/spec/index.js';
import type { Label } from '../../src/judges/label-scoring.js';

export type { Label };

/** The data sets the judge learns from and is measured on (data/README.md has sources and licences). */
export const DATASETS = ['xstest', 'dna', 'gptfuzz', 'rbr', 'reuter'] as const;
export type Dataset = (typeof DATASETS)[number];

/**
 * One human-labelled response. Sets label at different grains (XSTest three classes, Reuter
 * refusal or not, GPTFuzz jailbroken or not), so a row carries every class its human label allows:
 * training maximises the probability of that set, and scoring counts a verdict in it as right.
 */
export interface LabelledRow {
  id: string;
  dataset: Dataset;
  /** The model (or, for one-model sets, the set) that wrote the response, e.g. `xstest/gpt4`, `dna/GPT4`. */
  source: string;
  /** The model family: every set's rows of one family are held out together, so "unseen" means unseen. */
  family: string;
  /** The unit a set is split by for evaluation: the model (XSTest, Do-Not-Answer), the question (GPTFuzz), the split (RBR). */
  group: string;
  prompt: string;
  response: string;
  /** Earlier turns of a multi-turn conversation (RBR), the last user message being `prompt`. */
  messages?: Message[];
  /** The class the human label maps to (for a coarse label, the one the set's convention names). */
  label: Label;
  /** Every class the human label allows (`[label]` for three-class labels). */
  allowed: readonly Label[];
  /** The human label is coarse in a way the written mapping cannot resolve (Do-Not-Answer actions 1, 3, 4). */
  ambiguous?: boolean;
  /** The human label says the response rebuts the request's premise (Do-Not-Answer action 1, Reuter `contradicted`). */
  rebuttal?: boolean;
}
