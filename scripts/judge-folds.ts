/**
 * Shared by judge:train and judge:eval: featurising labelled rows once, training a model on some
 * groups of rows (with augmentation and a temperature fitted on leave-one-group-out predictions
 * inside those groups only), and the training settings the committed weights use.
 */
import { augment } from '../src/judges/model/augment.js';
import { fitTemperature, type Scored } from '../src/judges/model/calibrate.js';
import { extractFeatures } from '../src/judges/model/features.js';
import { CLASSES, scores, type LinearModel } from '../src/judges/model/linear-model.js';
import { trainLinear, type TrainOptions } from '../src/judges/model/train-linear.js';
import { compact } from '../src/judges/model/weights-file.js';
import { analyse } from '../src/judges/text/analyse.js';
import type { LabelledRow } from './judge-data.js';

export const TRAIN_OPTIONS: TrainOptions = { l2: 1e-3, iterations: 200, learningRate: 0.05 };

export interface Featurised extends LabelledRow {
  features: number[];
  y: number;
}

export function featurise(rows: readonly LabelledRow[]): Featurised[] {
  return rows.map((r) => ({
    ...r,
    features: extractFeatures(r.prompt, analyse(r.response), { lexical: true }),
    y: CLASSES.indexOf(r.label),
  }));
}

/** Fits weights only: the rows plus their shortened copies. */
export function fitWeights(rows: readonly Featurised[], options: TrainOptions = TRAIN_OPTIONS): LinearModel {
  const extra = featurise(augment(rows));
  return compact(
    trainLinear(
      [...rows, ...extra].map((r) => ({ features: r.features, label: r.y })),
      options,
    ),
  );
}

/** Out-of-group predictions: each group scored by a model trained on the other groups. */
export function heldOutScores(rows: readonly Featurised[], options: TrainOptions = TRAIN_OPTIONS): Scored[] {
  const groups = [...new Set(rows.map((r) => r.source))];
  const out: Scored[] = [];
  for (const g of groups) {
    const model = fitWeights(
      rows.filter((r) => r.source !== g),
      options,
    );
    for (const r of rows) if (r.source === g) out.push({ logits: scores(model, r.features), label: r.y });
  }
  return out;
}

/** A calibrated model from these rows alone: weights on all of them, temperature from held-out groups. */
export function trainCalibrated(rows: readonly Featurised[], options: TrainOptions = TRAIN_OPTIONS): LinearModel {
  const model = fitWeights(rows, options);
  const groups = new Set(rows.map((r) => r.source));
  model.temperature = groups.size > 1 ? fitTemperature(heldOutScores(rows, options)) : 1;
  return model;
}
