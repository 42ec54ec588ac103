import type { RunTally } from './tally/run-tally.js';
import type { Interval } from './stats/wilson.js';

/** One figure of the scorecard. `value` is null when nothing was measured; `note` says why. */
export interface MetricValue<D = unknown> {
  value: number | null;
  n: number;
  ci95: Interval | null;
  note?: string;
  detail?: D;
}

export interface MetricContext {
  /** The run's (or a slice's) results, tallied as they streamed in. */
  tally: RunTally;
  /** Rephrasings an intent needs before `hold_all_k` counts it. */
  k: number;
  /** Seeds every bootstrap so a run's scorecard is reproducible. */
  seed: number;
  /** Template cluster of a refusal text, computed once over the whole run so slices agree. */
  templateOf: (text: string) => number;
  /** False for the per-principle/family/split slices, whose detail is dropped: skip detail-only work. */
  detail: boolean;
}

export interface MetricDefinition<D> {
  title: string;
  /** One line for reports and docs. */
  description: string;
  /** Which way is better, for compare and for colouring; `none` when neither is. */
  better: 'higher' | 'lower' | 'none';
  interval: 'wilson' | 'newcombe' | 'bootstrap' | 'jackknife';
  /** A share of n items: compare tests two runs with Newcombe's interval for the difference. */
  proportion: boolean;
  /**
   * How to print the value: a rate as a percentage, a difference of rates in points, a ratio as ×,
   * a score (not a share of anything: principle_specificity) as a plain signed number.
   */
  unit: 'rate' | 'points' | 'ratio' | 'score';
  compute(ctx: MetricContext): MetricValue<D>;
}
