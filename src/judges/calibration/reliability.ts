/** A judgement's stated confidence and whether it was right. */
export interface Outcome {
  confidence: number;
  correct: boolean;
  /** How many judgements this one stands for (stratified samples); default 1. */
  weight?: number;
}

export interface Reliability {
  n: number;
  accuracy: number;
  /** Mean stated confidence: above `accuracy` is overconfidence. */
  meanConfidence: number;
  /** Expected calibration error over ten equal-width bins: the gap between stated and observed, weighted by bin size (in weight). */
  ece: number;
  /** Mean squared gap between confidence and outcome. */
  brier: number;
  bins: Array<{ from: number; to: number; n: number; confidence: number; accuracy: number }>;
}

const BINS = 10;

export function reliability(outcomes: readonly Outcome[]): Reliability {
  const bins = Array.from({ length: BINS }, (_, i) => ({ from: i / BINS, to: (i + 1) / BINS, n: 0, w: 0, conf: 0, right: 0 }));
  let right = 0;
  let conf = 0;
  let brier = 0;
  let total = 0;
  for (const o of outcomes) {
    const w = o.weight ?? 1;
    const b = bins[Math.min(BINS - 1, Math.floor(o.confidence * BINS))]!;
    b.n++;
    b.w += w;
    b.conf += w * o.confidence;
    const y = o.correct ? w : 0;
    b.right += y;
    right += y;
    conf += w * o.confidence;
    brier += w * (o.confidence - (o.correct ? 1 : 0)) ** 2;
    total += w;
  }
  let ece = 0;
  for (const b of bins) if (b.w > 0) ece += (b.w / total) * Math.abs(b.conf / b.w - b.right / b.w);
  return {
    n: outcomes.length,
    accuracy: total ? right / total : 0,
    meanConfidence: total ? conf / total : 0,
    ece,
    brier: total ? brier / total : 0,
    bins: bins.filter((b) => b.w > 0).map((b) => ({ from: b.from, to: b.to, n: b.n, confidence: b.conf / b.w, accuracy: b.right / b.w })),
  };
}
