import { reliability, type Outcome, type Reliability } from '../judges/index.js';
import type { CalibrationRow, ReviewStore } from './review-store.js';

/**
 * Reviewers' right/wrong calls on a judge's verdicts as weighted outcomes: each label stands for
 * the records of the stratum it was sampled from (the queue is not the traffic's mix).
 */
export function reviewOutcomes(rows: readonly CalibrationRow[]): Outcome[] {
  return rows
    .filter((r) => r.population > 0)
    .map((r) => ({ confidence: r.confidence, correct: r.judge_correct === 1, weight: r.population / r.labelled }));
}

/** How the judge's stated confidence compares with how often reviewers found it right; null before any label. */
export async function reviewReliability(review: Pick<ReviewStore, 'calibrationRows'>, judge: string): Promise<Reliability | null> {
  const outcomes = reviewOutcomes(await review.calibrationRows(judge));
  return outcomes.length ? reliability(outcomes) : null;
}

/**
 * The same, reviewer by reviewer: a reviewer whose calls disagree with everyone's (or who marks
 * everything right) shows up here before a map is fitted on their labels. Most labels first.
 */
export async function reliabilityByReviewer(
  review: Pick<ReviewStore, 'calibrationRows'>,
  judge: string,
): Promise<Array<{ reviewer: string; reliability: Reliability }>> {
  const rows = await review.calibrationRows(judge);
  const by = new Map<string, CalibrationRow[]>();
  for (const r of rows) {
    const key = r.reviewer ?? 'unknown';
    let list = by.get(key);
    if (!list) by.set(key, (list = []));
    list.push(r);
  }
  const out: Array<{ reviewer: string; reliability: Reliability }> = [];
  for (const [reviewer, list] of by) {
    const outcomes = reviewOutcomes(list);
    if (outcomes.length) out.push({ reviewer, reliability: reliability(outcomes) });
  }
  return out.sort((a, b) => b.reliability.n - a.reliability.n || a.reviewer.localeCompare(b.reviewer));
}
