import { CALIBRATION_FORMAT, type Calibration } from '../../spec/index.js';
import { fnv1a } from '../hash.js';
import { applySteps, fitIsotonic } from './isotonic.js';
import { reliability, type Outcome, type Reliability } from './reliability.js';

export interface FitInput {
  judge: string;
  scoring: Calibration['scoring'];
  source: string;
  outcomes: readonly Outcome[];
  /** Pooled blocks hold at least this many labels. */
  minBlock?: number;
  folds?: number;
}

const figures = (r: Reliability): Calibration['raw'] => ({
  ece: r.ece,
  brier: r.brier,
  accuracy: r.accuracy,
  meanConfidence: r.meanConfidence,
});

/**
 * Fits the steps on all outcomes, and measures them honestly: each fold (a fifth of the outcomes, by a hash of their position) is
 * mapped by steps fitted on the other folds, so the "calibrated" figures are out of sample.
 */
export function fitCalibration(o: FitInput): { calibration: Calibration; rawReliability: Reliability; calibratedReliability: Reliability } {
  if (o.outcomes.length === 0) throw new Error('no labelled judgements to calibrate on');
  const minBlock = o.minBlock ?? 10;
  const folds = Math.max(2, Math.min(o.folds ?? 5, o.outcomes.length));
  const points = (rows: readonly Outcome[]) => rows.map((r) => ({ x: r.confidence, y: r.correct ? 1 : 0, w: r.weight ?? 1 }));
  // Folds by a hash of the position, not its remainder: labelled files are often sorted or periodic.
  const fold = o.outcomes.map((_, i) => fnv1a(String(i)) % folds);
  const held: Outcome[] = [];
  for (let k = 0; k < folds; k++) {
    const steps = fitIsotonic(points(o.outcomes.filter((_, i) => fold[i] !== k)), minBlock);
    o.outcomes.forEach((r, i) => {
      if (fold[i] === k) held.push({ confidence: applySteps(steps, r.confidence), correct: r.correct, weight: r.weight });
    });
  }
  const rawReliability = reliability(o.outcomes);
  const calibratedReliability = reliability(held);
  const calibration: Calibration = {
    format: CALIBRATION_FORMAT,
    judge: o.judge,
    scoring: o.scoring,
    source: o.source,
    fittedAt: new Date().toISOString(),
    n: o.outcomes.length,
    raw: figures(rawReliability),
    calibrated: figures(calibratedReliability),
    steps: fitIsotonic(points(o.outcomes), minBlock),
  };
  return { calibration, rawReliability, calibratedReliability };
}
