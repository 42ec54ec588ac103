import { applySteps, fitIsotonic, type Step, reliability, type Outcome, type Reliability } from '../judges/index.js';
import { wilson } from '../monitor/index.js';
import { CALIBRATION_FORMAT, type Calibration } from '../spec/index.js';
import { reviewOutcomes } from './review-reliability.js';
import type { CalibrationRow } from './review-store.js';
import { plural } from '../util/index.js';

/**
 * Labels needed on records the judge called a refusal, and as many on records it called an answer
 * (partial or compliance). One map is applied to every verdict: fitted on one kind, it would move
 * the other's confidence on no evidence. And 20 labels all marked right still leave a 95% interval
 * down to 84%, about the gap between a calibrated judge and one wrong one time in six: fewer
 * cannot tell them apart.
 */
export const MIN_LABELS_PER_VERDICT = 20;

/**
 * How many labels the prior (the judge's offline calibration) counts as in each bin. A bin of 20
 * labels is half its own, half the prior; a bin of 200 is 91% its own. Without it, 68 labels all
 * marked right map every confidence to 1.0 and hide all uncertainty from then on.
 */
export const PRIOR_LABELS = 20;

const BINS = 10;
const FOLDS = 5;

export interface CalibrationBin {
  from: number;
  to: number;
  labels: number;
  /** Kish's effective number of labels: weights (stratum sizes) that differ make a bin worth fewer labels. */
  effectiveN: number;
  /** Weighted mean stated confidence. */
  stated: number;
  /** Weighted share the reviewers found right, with its Wilson 95% interval at the effective n. */
  right: number;
  ci: [number, number];
  /** What the prior says for these confidences. */
  prior: number;
  /** Shrunk toward the prior, then made monotone: what the map gives here. */
  mapped: number;
}

export type ReviewCalibration =
  | { ok: false; counts: { refusal: number; answer: number }; reason: string }
  | {
      ok: true;
      counts: { refusal: number; answer: number };
      right: number;
      wrong: number;
      bins: CalibrationBin[];
      calibration: Calibration;
      warnings: string[];
    };

export interface ReviewCalibrationInput {
  judge: string;
  rows: readonly CalibrationRow[];
  /** The judge's offline calibration: stated confidence to expected accuracy (the identity for the offline judges). */
  prior: (confidence: number) => number;
  source: string;
  minPerVerdict?: number;
  priorLabels?: number;
}

/**
 * Fits a confidence map to reviewers' right/wrong calls that cannot claim more than the labels
 * show: it refuses when either verdict has too few labels, and otherwise shrinks each confidence
 * bin toward the prior by PRIOR_LABELS before making the map monotone. The calibrated figures are
 * out of fold (each fifth of the labels mapped by a fit on the rest), as for `calibrate --in`.
 */
export function fitReviewCalibration(input: ReviewCalibrationInput): ReviewCalibration {
  const rows = input.rows.filter((r) => r.population > 0);
  const counts = { refusal: rows.filter((r) => r.verdict === 'refusal').length, answer: 0 };
  counts.answer = rows.length - counts.refusal;
  const min = input.minPerVerdict ?? MIN_LABELS_PER_VERDICT;
  if (counts.refusal < min || counts.answer < min)
    return {
      ok: false,
      counts,
      reason: `${plural(counts.refusal, 'label')} on records the judge called a refusal and ${counts.answer} on records it called an answer; at least ${min} of each are needed (one map is applied to both, and fewer labels cannot tell a calibrated judge from one wrong one time in six)`,
    };
  const outcomes = reviewOutcomes(rows);
  const k = input.priorLabels ?? PRIOR_LABELS;
  const fit = (o: readonly Outcome[]) => shrunkSteps(o, input.prior, k);
  const { steps, bins } = fit(outcomes);
  const held: Outcome[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const train = outcomes.filter((_, i) => i % FOLDS !== f);
    const s = fit(train).steps;
    outcomes.forEach((o, i) => {
      if (i % FOLDS === f) held.push({ ...o, confidence: applySteps(s, o.confidence) });
    });
  }
  const right = outcomes.filter((o) => o.correct).length;
  const wrong = outcomes.length - right;
  const warnings: string[] = [];
  if (wrong === 0 || right === 0)
    warnings.push(
      `all ${outcomes.length} labels mark the judge ${wrong === 0 ? 'right' : 'wrong'}: they say nothing about how its confidence orders its mistakes, so the map stays near the prior where bins are small`,
    );
  const figures = (r: Reliability): Calibration['raw'] => ({
    ece: r.ece,
    brier: r.brier,
    accuracy: r.accuracy,
    meanConfidence: r.meanConfidence,
  });
  const calibration: Calibration = {
    format: CALIBRATION_FORMAT,
    judge: input.judge,
    scoring: '3-class',
    source: input.source,
    fittedAt: new Date().toISOString(),
    n: outcomes.length,
    raw: figures(reliability(outcomes)),
    calibrated: figures(reliability(held)),
    steps,
  };
  return { ok: true, counts, right, wrong, bins, calibration, warnings };
}

function shrunkSteps(outcomes: readonly Outcome[], prior: (c: number) => number, k: number): { steps: Step[]; bins: CalibrationBin[] } {
  const acc = Array.from({ length: BINS }, () => ({ n: 0, w: 0, w2: 0, conf: 0, right: 0, prior: 0 }));
  for (const o of outcomes) {
    const b = acc[Math.min(BINS - 1, Math.floor(o.confidence * BINS))] as (typeof acc)[number];
    const w = o.weight ?? 1;
    b.n += 1;
    b.w += w;
    b.w2 += w * w;
    b.conf += w * o.confidence;
    b.right += o.correct ? w : 0;
    b.prior += w * prior(o.confidence);
  }
  const bins: CalibrationBin[] = [];
  acc.forEach((b, i) => {
    if (b.n === 0) return;
    const effectiveN = (b.w * b.w) / b.w2;
    const right = b.right / b.w;
    const p = b.prior / b.w;
    bins.push({
      from: i / BINS,
      to: (i + 1) / BINS,
      labels: b.n,
      effectiveN,
      stated: b.conf / b.w,
      right,
      ci: wilson(right * effectiveN, effectiveN) ?? [0, 1],
      prior: p,
      mapped: (effectiveN * right + k * p) / (effectiveN + k),
    });
  });
  // Monotone in stated confidence, each bin weighted by what it rests on (its labels and the prior's).
  const steps = fitIsotonic(
    bins.map((b) => ({ x: b.stated, y: b.mapped, w: b.effectiveN + k })),
    1,
  );
  for (const b of bins) b.mapped = applySteps(steps, b.stated);
  for (const s of steps) s.n = 0;
  for (const b of bins) {
    const s = steps.find((x) => b.stated <= x.upTo) ?? steps.at(-1);
    if (s) s.n += b.labels;
  }
  return { steps, bins };
}
