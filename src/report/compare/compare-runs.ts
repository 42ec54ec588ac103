import { loadGatePolicy, METRIC_IDS } from '../../metrics/index.js';
import type { Scorecard, GatePolicy, MetricId } from '../../metrics/index.js';
import type { CaseChanges, CaseGroup } from './case-changes.js';
import { gateChange, type GateChange } from './gate-change.js';
import { metricChange, type MetricChange } from './metric-change.js';
import { sliceChanges, type SliceComparison, type SliceRef } from './slice-changes.js';

export const COMPARISON_FORMAT_VERSION = 1;

/** One run as a comparison reads it: its scorecard (the cases that flipped come apart, `createCaseChanges`). */
export interface RunSide {
  scorecard: Scorecard;
  /**
   * The gate policy kept with the run, once runs store the policy they were gated under: the run is
   * then gated under its own. Without it, `compareRuns`' `policy` (or the default) applies.
   */
  storedGatePolicy?: GatePolicy;
}

/**
 * Not the model's behaviour: how sure the judge was, and how often the model could not read the
 * request. Reported on their own, after every behaviour change, and never part of the verdict.
 */
export const JUDGING_METRICS: readonly MetricId[] = ['judge_uncertain_rate', 'not_understood_rate'];
export const BEHAVIOUR_METRICS: readonly MetricId[] = METRIC_IDS.filter((id) => !JUDGING_METRICS.includes(id));

export interface RunRef {
  runId: string;
  target: string;
  createdAt: string;
  cases: number;
  /** `run --label`. */
  label?: string;
  /** Answers asked and reused: a side that reused answers may not show its model as it is now. */
  answers: { asked: number; reused: number };
  systemHash?: string;
}

export interface CompareVerdict {
  /** From the overall behaviour metrics outside the noise and the gate: a newly failing rule is a worsening. */
  outcome: 'better' | 'worse' | 'mixed' | 'unchanged';
  better: MetricId[];
  worse: MetricId[];
  /** Moved outside the noise where neither direction is better (latency). */
  changed: MetricId[];
  /**
   * Slices with a behaviour metric worse outside the noise where the overall figure is not (a
   * regression the headline hides). They do not set
   * the outcome: each slice is tested on its own, and among dozens a few cross by chance.
   */
  worseSlices: SliceRef[];
}

/** `compare`'s answer, documented in docs/scorecard.md (`--format json`). */
export interface Comparison {
  formatVersion: number;
  a: RunRef;
  b: RunRef;
  /** Cases matched by id in both runs. */
  matched: number;
  errors: { a: number; b: number };
  verdict: CompareVerdict;
  gate: GateChange;
  /** Every overall behaviour metric, in registry order. */
  headline: MetricChange[];
  slices: SliceComparison;
  /** The judge's uncertainty and the requests the model could not read, overall. */
  judging: MetricChange[];
  newFailures: CaseGroup[];
  fixed: CaseGroup[];
}

export interface CompareOptions {
  /** The cases that flipped, from both runs' results streamed through `createCaseChanges` (A's first). */
  cases: CaseChanges;
  /** The gate policy for a run that stores none; the default policy when absent. */
  policy?: GatePolicy;
}

/** Is B better than A, and where: the verdict, the headline metrics, the slices that differ, the cases that flipped. */
export function compareRuns(a: RunSide, b: RunSide, options: CompareOptions): Comparison {
  const fallback = options.policy ?? loadGatePolicy();
  const gate = gateChange(
    { scorecard: a.scorecard, policy: a.storedGatePolicy ?? fallback, stored: a.storedGatePolicy !== undefined },
    { scorecard: b.scorecard, policy: b.storedGatePolicy ?? fallback, stored: b.storedGatePolicy !== undefined },
  );
  const overall = (ids: readonly MetricId[]): MetricChange[] =>
    ids.map((id) => metricChange('overall', id, a.scorecard.metrics[id], b.scorecard.metrics[id]));
  const headline = overall(BEHAVIOUR_METRICS);
  const { cases } = options;
  const slices = sliceChanges(a.scorecard, b.scorecard, { behaviour: BEHAVIOUR_METRICS, overall: headline });
  const ref = (s: Scorecard): RunRef => ({
    runId: s.runId,
    target: s.target,
    createdAt: s.createdAt,
    cases: s.counts.results,
    ...(s.label === undefined ? {} : { label: s.label }),
    answers: { asked: s.answers.asked, reused: s.answers.reused },
    ...(s.systemHash === undefined ? {} : { systemHash: s.systemHash }),
  });
  return {
    formatVersion: COMPARISON_FORMAT_VERSION,
    a: ref(a.scorecard),
    b: ref(b.scorecard),
    matched: cases.matched,
    errors: { a: a.scorecard.counts.error, b: b.scorecard.counts.error },
    verdict: verdictOf(headline, gate, slices),
    gate,
    headline,
    slices,
    judging: overall(JUDGING_METRICS),
    newFailures: cases.newFailures,
    fixed: cases.fixed,
  };
}

function verdictOf(headline: MetricChange[], gate: GateChange, slices: SliceComparison): CompareVerdict {
  const outside = (d: MetricChange['direction']): MetricId[] =>
    headline.filter((m) => m.outsideNoise && m.direction === d).map((m) => m.metric);
  const better = outside('better');
  const worse = outside('worse');
  const down = worse.length > 0 || gate.newlyFailing.length > 0;
  const up = better.length > 0 || (gate.newlyPassing.length > 0 && gate.newlyFailing.length === 0);
  const outcome = down && up ? 'mixed' : down ? 'worse' : up ? 'better' : 'unchanged';
  const worseSlices = slices.changed
    .filter((s) => s.changes.some((m) => m.direction === 'worse' && !m.withOverall))
    .flatMap((s) => [{ kind: s.kind, name: s.name }, ...s.identical]);
  return { outcome, better, worse, changed: outside('changed'), worseSlices };
}

/** What `--fail-on-regression` fails on: a gate rule newly failing, or behaviour worse outside the noise overall or in a slice. */
export function isRegression(c: Comparison): boolean {
  return (
    c.gate.newlyFailing.length > 0 ||
    c.headline.some((m) => m.outsideNoise && m.direction === 'worse') ||
    c.slices.changed.some((s) => s.changes.some((m) => m.direction === 'worse'))
  );
}
