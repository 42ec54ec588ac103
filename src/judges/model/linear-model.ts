import { HASH_BITS } from './features.js';

/** The classes the model scores, in weight order. */
export const CLASSES = ['refusal', 'partial', 'compliance'] as const;
export type ModelClass = (typeof CLASSES)[number];
export const K = CLASSES.length;

/** A multinomial logistic regression over hashed features, with a calibration temperature. */
export interface LinearModel {
  /** `weights[bucket * K + class]`, dense over the hash space so scoring is one lookup per feature. */
  weights: Float32Array;
  temperature: number;
  /** The out-of-fold accuracy of clean refusals (refusal-shape.ts), the confidence every one of them gets; absent in older files. */
  cleanRefusal?: number;
}

export function emptyWeights(): Float32Array {
  return new Float32Array((1 << HASH_BITS) * K);
}

/** Raw class scores (logits) of one feature list. */
export function scores(model: LinearModel, features: readonly number[]): [number, number, number] {
  let z0 = 0;
  let z1 = 0;
  let z2 = 0;
  const w = model.weights;
  for (let i = 0; i < features.length; i++) {
    const b = features[i]! * K;
    z0 += w[b]!;
    z1 += w[b + 1]!;
    z2 += w[b + 2]!;
  }
  return [z0, z1, z2];
}

export function softmax(z: readonly number[], temperature = 1): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp((v - m) / temperature));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

export function predict(model: LinearModel, features: readonly number[]): number[] {
  return softmax(scores(model, features), model.temperature);
}
