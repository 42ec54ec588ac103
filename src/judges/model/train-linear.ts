import { emptyWeights, K, type LinearModel } from './linear-model.js';

export interface TrainOptions {
  /** L2 penalty on the weights (per example, so it does not depend on the data set's size). */
  l2: number;
  /** Full-batch Adam steps; fixed so training is deterministic and reproducible byte for byte. */
  iterations: number;
  learningRate?: number;
  /** Per-class weights on the loss, in CLASSES order (e.g. to keep a rare class from vanishing). */
  classWeights?: readonly number[];
  /** Examples' own weights (e.g. to balance one data set against another). */
  sampleWeights?: readonly number[];
}

export interface Example {
  features: readonly number[];
  label: number;
  /**
   * The classes the human label allows, as a bit mask over CLASSES (default: the label's bit). A
   * coarse label ("refused or partly refused", "jailbroken") allows several: the loss is then
   * −log of their summed probability, so the model is taught the line the label draws and no other.
   */
  allowed?: number;
}

/** The bit mask of the classes an example allows. */
export const allowedMask = (e: Example): number => e.allowed ?? 1 << e.label;

/**
 * Multinomial logistic regression by full-batch Adam on a compact index of the buckets that
 * occur, written back into the dense hash space. No randomness: same data, same bytes.
 */
export function trainLinear(examples: readonly Example[], o: TrainOptions): LinearModel {
  const index = new Map<number, number>();
  const rows = examples.map((e) =>
    Int32Array.from(e.features, (b) => {
      let j = index.get(b);
      if (j === undefined) index.set(b, (j = index.size));
      return j * K;
    }),
  );
  const d = index.size * K;
  const w = new Float64Array(d);
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  const g = new Float64Array(d);
  const lr = o.learningRate ?? 0.05;
  const cw = o.classWeights ?? [1, 1, 1];
  const weightOf = examples.map((e, i) => (o.sampleWeights?.[i] ?? 1) * cw[e.label]!);
  const masks = examples.map(allowedMask);
  const total = weightOf.reduce((a, b) => a + b, 0);
  const b1 = 0.9;
  const b2 = 0.999;
  for (let t = 1; t <= o.iterations; t++) {
    g.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      let z0 = 0;
      let z1 = 0;
      let z2 = 0;
      for (let k = 0; k < row.length; k++) {
        const j = row[k]!;
        z0 += w[j]!;
        z1 += w[j + 1]!;
        z2 += w[j + 2]!;
      }
      const mx = Math.max(z0, z1, z2);
      const e0 = Math.exp(z0 - mx);
      const e1 = Math.exp(z1 - mx);
      const e2 = Math.exp(z2 - mx);
      // d loss / d z_c = p_c − [c allowed] · p_c / P(allowed): the usual p − y when one class is allowed.
      const mask = masks[i]!;
      const wi = weightOf[i]! / total;
      const sum = e0 + e1 + e2;
      const inS = (mask & 1 ? e0 : 0) + (mask & 2 ? e1 : 0) + (mask & 4 ? e2 : 0);
      const d0 = wi * (e0 / sum - (mask & 1 ? e0 / inS : 0));
      const d1 = wi * (e1 / sum - (mask & 2 ? e1 / inS : 0));
      const d2 = wi * (e2 / sum - (mask & 4 ? e2 / inS : 0));
      for (let k = 0; k < row.length; k++) {
        const j = row[k]!;
        g[j]! += d0;
        g[j + 1]! += d1;
        g[j + 2]! += d2;
      }
    }
    const c1 = 1 - b1 ** t;
    const c2 = 1 - b2 ** t;
    for (let k = 0; k < d; k++) {
      const gk = g[k]! + o.l2 * w[k]!;
      m[k] = b1 * m[k]! + (1 - b1) * gk;
      v[k] = b2 * v[k]! + (1 - b2) * gk * gk;
      w[k]! -= (lr * (m[k]! / c1)) / (Math.sqrt(v[k]! / c2) + 1e-8);
    }
  }
  const weights = emptyWeights();
  for (const [bucket, j] of index) for (let c = 0; c < K; c++) weights[bucket * K + c] = w[j * K + c]!;
  return { weights, temperature: 1 };
}
