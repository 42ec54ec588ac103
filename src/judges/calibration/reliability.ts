/** A judgement's stated confidence and whether it was right. */
export interface Outcome {
  confidence: number;
  correct: boolean;
}

export interface Reliability {
  n: number;
  accuracy: number;
  /** Mean stated confidence: above `accuracy` is overconfidence. */
  meanConfidence: number;
  /** Expected calibration error over ten equal-width bins: the gap between stated and observed, weighted by bin size. */
  ece: number;
  /** Mean squared gap between confidence and outcome. */
  brier: number;
  bins: Array<{ from: number; to: number; n: number; confidence: number; accuracy: number }>;
}

const BINS = 10;

export function reliability(outcomes: readonly Outcome[]): Reliability {
  const bins = Array.from({ length: BINS }, (_, i) => ({ from: i / BINS, to: (i + 1) / BINS, n: 0, conf: 0, right: 0 }));
  let right = 0;
  let conf = 0;
  let brier = 0;
  for (const o of outcomes) {
    const b = bins[Math.min(BINS - 1, Math.floor(o.confidence * BINS))]!;
    b.n++;
    b.conf += o.confidence;
    const y = o.correct ? 1 : 0;
    b.right += y;
    right += y;
    conf += o.confidence;
    brier += (o.confidence - y) ** 2;
  }
  const n = outcomes.length;
  let ece = 0;
  for (const b of bins) if (b.n) ece += (b.n / n) * Math.abs(b.conf / b.n - b.right / b.n);
  return {
    n,
    accuracy: n ? right / n : 0,
    meanConfidence: n ? conf / n : 0,
    ece,
    brier: n ? brier / n : 0,
    bins: bins.filter((b) => b.n > 0).map((b) => ({ from: b.from, to: b.to, n: b.n, confidence: b.conf / b.n, accuracy: b.right / b.n })),
  };
}
