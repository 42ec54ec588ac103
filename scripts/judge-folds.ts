/**
 * Shared by judge:train and judge:eval: featurising labelled rows once, training a model on some
 * rows (with augmentation, set-valued labels, per-data-set weights and a temperature fitted on
 * leave-one-family-out predictions inside those rows only), and the settings the committed weights use.
 */
import { augment } from '../src/judges/model/augment.js';
import { fitTemperature, type Scored } from '../src/judges/model/calibrate.js';
import { extractFeatures } from '../src/judges/model/features.js';
import { CLASSES, scores, type LinearModel } from '../src/judges/model/linear-model.js';
import { trainLinear, type TrainOptions } from '../src/judges/model/train-linear.js';
import { compact } from '../src/judges/model/weights-file.js';
import { analyse } from '../src/judges/text/analyse.js';
import { isCleanRefusal } from '../src/judges/refusal-shape.js';
import type { Dataset, LabelledRow } from './judge-data.js';

export const TRAIN_OPTIONS: TrainOptions = { l2: 1e-3, iterations: 200, learningRate: 0.05 };

/**
 * How much each data set's rows weigh in the loss, so that no one set (GPTFuzz's 6,160 answers of
 * one model, mostly to the same templates) drowns the others' styles.
 */
export const DATASET_WEIGHT: Record<Dataset, number> = { xstest: 3, dna: 0.5, gptfuzz: 0.35, rbr: 1, reuter: 0.7 };

export interface Featurised extends LabelledRow {
  features: number[];
  y: number;
  mask: number;
  /** Features of the row's shortened copies (augment.ts), computed once. */
  shortened: number[][];
  /** A clean refusal by shape (src/judges/refusal-shape.ts). */
  clean: boolean;
}

const maskOf = (r: LabelledRow): number => r.allowed.reduce((m, l) => m | (1 << CLASSES.indexOf(l)), 0);

const featuresOf = (prompt: string, response: string): number[] => extractFeatures(prompt, analyse(response, prompt), { lexical: true });

export function featurise(rows: readonly LabelledRow[]): Featurised[] {
  return rows.map((r) => ({
    ...r,
    features: featuresOf(r.prompt, r.response),
    clean: isCleanRefusal(analyse(r.response, r.prompt)),
    y: CLASSES.indexOf(r.label),
    mask: maskOf(r),
    // Only a row with one allowed class has a label a cut provably keeps.
    shortened: r.allowed.length === 1 ? augment([r]).map((s) => featuresOf(s.prompt, s.response)) : [],
  }));
}

/** Fits weights only: the rows plus their shortened copies. */
export function fitWeights(rows: readonly Featurised[], options: TrainOptions = TRAIN_OPTIONS): LinearModel {
  const examples = rows.flatMap((r) =>
    [r.features, ...r.shortened].map((features) => ({ features, label: r.y, allowed: r.mask, weight: DATASET_WEIGHT[r.dataset] })),
  );
  return compact(trainLinear(examples, { ...options, sampleWeights: examples.map((e) => e.weight) }));
}

// Families are pooled into this many groups for the temperature's held-out predictions: each
// group is scored by weights trained on the others (three trainings instead of one per family).
const CALIBRATION_GROUPS = 3;

/** Out-of-family predictions: each group of model families scored by a model trained on the other groups. */
export function heldOutScores(rows: readonly Featurised[], options: TrainOptions = TRAIN_OPTIONS): Array<Scored & { row: Featurised }> {
  const families = [...new Set(rows.map((r) => r.family))].sort();
  const groupOf = new Map(families.map((f, i) => [f, i % CALIBRATION_GROUPS]));
  const out: Array<Scored & { row: Featurised }> = [];
  for (let g = 0; g < Math.min(CALIBRATION_GROUPS, families.length); g++) {
    const model = fitWeights(
      rows.filter((r) => groupOf.get(r.family) !== g),
      options,
    );
    for (const r of rows)
      if (groupOf.get(r.family) === g) out.push({ logits: scores(model, r.features), label: r.y, allowed: r.mask, row: r });
  }
  return out;
}

/**
 * A calibrated model from these rows alone: weights on all of them; from held-out family groups, the
 * temperature and the accuracy of clean refusals (read as refusals, on rows the label decides).
 */
export function trainCalibrated(rows: readonly Featurised[], options: TrainOptions & { calibrate?: boolean } = TRAIN_OPTIONS): LinearModel {
  const model = fitWeights(rows, options);
  const families = new Set(rows.map((r) => r.family));
  if (options.calibrate === false || families.size < 2) {
    model.temperature = 1;
    return model;
  }
  const held = heldOutScores(rows, options);
  model.temperature = fitTemperature(held);
  const clean = held.filter((h) => h.row.clean && !h.row.ambiguous && h.logits.indexOf(Math.max(...h.logits)) === 0);
  if (clean.length >= MIN_CLEAN) model.cleanRefusal = Number((clean.filter((h) => h.allowed! & 1).length / clean.length).toFixed(3));
  return model;
}

// Clean refusals needed before their accuracy replaces the model's own confidence.
const MIN_CLEAN = 100;
