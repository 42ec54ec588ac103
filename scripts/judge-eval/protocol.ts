/**
 * The honest evaluation protocol of `npm run judge:eval`: which rows each fold trains on and is
 * scored on, and the table it reports into. A fold never trains on a row of the model it is scored
 * on; the family tables hold out the model's whole family from every set (llama2orig without
 * llama2new nor Do-Not-Answer's llama-2), the predictor of a model from another vendor. GPTFuzz is
 * split by question, RBR by its own split, and Reuter is scored by weights trained without it.
 */
import type { Featurised } from '../judge-folds.js';
import type { Dataset } from '../judge-data.js';

/** The tables judge:eval prints, in order. */
export const TABLES = ['xstest-model', 'xstest-family', 'dna', 'gptfuzz', 'rbr', 'reuter'] as const;
export type Table = (typeof TABLES)[number];

export const TABLE_SET: Record<Table, Dataset> = {
  'xstest-model': 'xstest',
  'xstest-family': 'xstest',
  dna: 'dna',
  gptfuzz: 'gptfuzz',
  rbr: 'rbr',
  reuter: 'reuter',
};

export interface Fold {
  name: string;
  table: Table;
  /** Folds with the same key train on the same rows, so one model serves them (a family held out of every set is one training for XSTest and Do-Not-Answer alike). */
  trainKey: string;
  test: Featurised[];
  train: Featurised[];
}

/** GPTFuzz questions are dealt into this many folds by question number; a question's rows stay together. */
export const GPTFUZZ_FOLDS = 5;

const sources = (all: readonly Featurised[], dataset: Dataset): string[] =>
  [...new Set(all.filter((r) => r.dataset === dataset).map((r) => r.source))].sort();

export function folds(all: readonly Featurised[]): Fold[] {
  const out: Fold[] = [];
  for (const source of sources(all, 'xstest')) {
    out.push({
      name: source,
      table: 'xstest-model',
      trainKey: `source ${source}`,
      test: all.filter((r) => r.source === source),
      train: all.filter((r) => r.source !== source),
    });
  }
  for (const dataset of ['xstest', 'dna'] as const) {
    for (const source of sources(all, dataset)) {
      const test = all.filter((r) => r.source === source);
      const family = test[0]!.family;
      out.push({
        name: `${source} (family ${family} held out)`,
        table: dataset === 'xstest' ? 'xstest-family' : 'dna',
        trainKey: `family ${family}`,
        test,
        train: all.filter((r) => r.family !== family),
      });
    }
  }
  for (let k = 0; k < GPTFUZZ_FOLDS; k++) {
    const held = (r: Featurised): boolean => r.dataset === 'gptfuzz' && Number(r.group.slice(1)) % GPTFUZZ_FOLDS === k;
    out.push({
      name: `gptfuzz/questions ≡ ${k} mod ${GPTFUZZ_FOLDS}`,
      table: 'gptfuzz',
      trainKey: `gptfuzz fold ${k}`,
      test: all.filter(held),
      train: all.filter((r) => !held(r)),
    });
  }
  const rbrTest = (r: Featurised): boolean => r.dataset === 'rbr' && r.group === 'test';
  out.push({ name: 'rbr/test', table: 'rbr', trainKey: 'rbr/test', test: all.filter(rbrTest), train: all.filter((r) => !rbrTest(r)) });
  out.push({
    name: 'reuter',
    table: 'reuter',
    trainKey: 'reuter',
    test: all.filter((r) => r.dataset === 'reuter'),
    train: all.filter((r) => r.dataset !== 'reuter'),
  });
  return out;
}

/** The stricter Reuter fold: no gpt-3.5 answer of any set in training (Reuter, GPTFuzz and Do-Not-Answer's ChatGPT are all gpt-3.5). */
export function reuterWithoutFamily(all: readonly Featurised[]): Fold {
  return {
    name: 'reuter (no gpt-3.5 in training)',
    table: 'reuter',
    trainKey: 'family gpt-3.5',
    test: all.filter((r) => r.dataset === 'reuter'),
    train: all.filter((r) => r.family !== 'gpt-3.5'),
  };
}
