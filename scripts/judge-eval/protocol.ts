/**
 * The honest evaluation protocol of `npm run judge:eval`: which rows each fold trains on and is
 * scored on. A fold never trains on a row of the model family it is scored on (XSTest and
 * Do-Not-Answer: leave one model out, and its family with it, from every set), never on a GPTFuzz
 * question it is scored on, never on RBR's test split, never on Reuter when scored on Reuter.
 */
import type { Featurised } from '../judge-folds.js';

export interface Fold {
  name: string;
  test: Featurised[];
  train: Featurised[];
}

/** GPTFuzz questions are dealt into this many folds by question number; a question's rows stay together. */
export const GPTFUZZ_FOLDS = 5;

export function folds(all: readonly Featurised[]): Fold[] {
  const out: Fold[] = [];
  const sources = (dataset: string): string[] => [...new Set(all.filter((r) => r.dataset === dataset).map((r) => r.source))].sort();
  for (const dataset of ['xstest', 'dna']) {
    for (const source of sources(dataset)) {
      const test = all.filter((r) => r.source === source);
      const family = test[0]!.family;
      out.push({ name: source, test, train: all.filter((r) => r.family !== family) });
    }
  }
  for (let k = 0; k < GPTFUZZ_FOLDS; k++) {
    const held = (r: Featurised): boolean => r.dataset === 'gptfuzz' && Number(r.group.slice(1)) % GPTFUZZ_FOLDS === k;
    out.push({ name: `gptfuzz/questions ≡ ${k} mod ${GPTFUZZ_FOLDS}`, test: all.filter(held), train: all.filter((r) => !held(r)) });
  }
  const rbrTest = (r: Featurised): boolean => r.dataset === 'rbr' && r.group === 'test';
  out.push({ name: 'rbr/test', test: all.filter(rbrTest), train: all.filter((r) => !rbrTest(r)) });
  out.push({ name: 'reuter', test: all.filter((r) => r.dataset === 'reuter'), train: all.filter((r) => r.dataset !== 'reuter') });
  return out;
}

/** The stricter Reuter fold: no gpt-3.5 answer of any set in training (Reuter, GPTFuzz and Do-Not-Answer's ChatGPT are all gpt-3.5). */
export function reuterWithoutFamily(all: readonly Featurised[]): Fold {
  return {
    name: 'reuter (no gpt-3.5 in training)',
    test: all.filter((r) => r.dataset === 'reuter'),
    train: all.filter((r) => r.family !== 'gpt-3.5'),
  };
}
