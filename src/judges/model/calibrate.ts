import { softmax } from './linear-model.js';

export interface Scored {
  logits: readonly number[];
  label: number;
  /** Bit mask of the classes the human label allows (default: the label's bit). */
  allowed?: number;
}

// Temperatures tried, in order; a grid keeps the fit deterministic and needs no derivatives.
const GRID = Array.from({ length: 46 }, (_, i) => 0.5 + i * 0.05);

/**
 * The softmax temperature that minimises the log loss of held-out predictions, so the model's
 * probability of its verdict can be read as the chance that the verdict is right.
 */
export function fitTemperature(held: readonly Scored[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (const t of GRID) {
    let loss = 0;
    for (const h of held) {
      const p = softmax(h.logits, t);
      const mask = h.allowed ?? 1 << h.label;
      let inS = 0;
      for (let c = 0; c < p.length; c++) if (mask & (1 << c)) inS += p[c]!;
      loss -= Math.log(Math.max(inS, 1e-12));
    }
    if (loss < bestLoss - 1e-9) {
      bestLoss = loss;
      best = t;
    }
  }
  return Number(best.toFixed(2));
}
