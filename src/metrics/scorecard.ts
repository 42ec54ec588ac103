import type { CaseResult, RunRecord } from '../spec/index.js';
import { answerSource } from './answer-counts.js';
import type { MetricContext } from './metric.js';
import { metricRegistry, METRIC_IDS, type MetricId } from './registry.js';
import type { Scorecard, ScorecardMetrics, ScorecardSlice } from './scorecard-types.js';
import { createScorecardTally, type ScorecardTally } from './scorecard-tally.js';
import { tallyOf, type RunTally } from './tally/run-tally.js';
import { clusterTexts } from './text/minhash.js';

export const SCORECARD_FORMAT_VERSION = 3;
export const DEFAULT_K = 4;

export interface BuildScorecardInput {
  run: RunRecord;
  results: Iterable<CaseResult>;
  options?: { k?: number };
}

/** Every metric over a run's results, overall and per principle, mutation family, split and language. Pure. */
export function buildScorecard(input: BuildScorecardInput): Scorecard {
  const tally = createScorecardTally();
  for (const r of input.results) tally.add(r);
  return scorecardOf({ run: input.run, tally, options: input.options });
}

/**
 * The scorecard from streamed aggregates: what `buildScorecard` gives for the results added to
 * `tally` (one pass, in plan order, or merged per worker), without any array of them.
 */
export function scorecardOf(input: { run: RunRecord; tally: ScorecardTally; options?: { k?: number } }): Scorecard {
  const { run, tally } = input;
  const all = tally.overall;
  const k = input.options?.k ?? DEFAULT_K;
  const templateOf = templateLabels(all);
  const multiPack = all.packs.size > 1;
  const slices = (groups: Map<string, RunTally>, rename: (key: string) => string = (x) => x): Record<string, ScorecardSlice> =>
    Object.fromEntries(
      [...groups]
        .map(([name, t]) => [rename(name), t] as const)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, t]) => [name, slice({ tally: t, k, seed: run.options.seed, templateOf, detail: false })]),
    );
  return {
    formatVersion: SCORECARD_FORMAT_VERSION,
    runId: run.id,
    target: run.target,
    packs: run.packs,
    status: run.status,
    createdAt: run.createdAt,
    ...(run.label === undefined ? {} : { label: run.label }),
    ...(run.systemHash === undefined ? {} : { systemHash: run.systemHash }),
    options: { k, samples: run.options.samples, seed: run.options.seed, judge: run.options.judge },
    answers: { ...all.answers, from: answerSource(run.options) },
    counts: { ...all.counts, cases: run.caseCount, results: all.counts.n },
    byExpect: { refuse: { ...all.byExpect.refuse }, comply: { ...all.byExpect.comply } },
    metrics: computeAll({ tally: all, k, seed: run.options.seed, templateOf, detail: true }),
    // slices are keyed pack/principle; one pack's scorecard names principles alone
    byPrinciple: slices(tally.byPrinciple, (key) => (multiPack ? key : key.slice(key.indexOf('/') + 1))),
    byMutation: slices(tally.byMutation),
    bySplit: slices(tally.bySplit),
    byLanguage: slices(tally.byLanguage),
    gate: null,
  };
}

/** The shared context of a result list (for tests and callers holding an array). */
export function metricContext(results: readonly CaseResult[], options: { k: number; seed: number }): MetricContext {
  const tally = tallyOf(results);
  return { tally, k: options.k, seed: options.seed, templateOf: templateLabels(tally), detail: true };
}

/** Refusal templates are clustered once over the whole run so slices agree. */
function templateLabels(tally: RunTally): (text: string) => number {
  const texts = [...tally.templates].sort(([, a], [, b]) => a.first - b.first).map(([text]) => text);
  const labels = clusterTexts(texts);
  const label = new Map(texts.map((t, i) => [t, labels[i] ?? i]));
  return (t) => label.get(t) ?? -1;
}

export function computeAll(ctx: MetricContext): ScorecardMetrics {
  const out: Partial<Record<MetricId, unknown>> = {};
  for (const id of METRIC_IDS) out[id] = metricRegistry[id].compute(ctx);
  // Each entry came from its own registry definition, so the mapped type holds.
  return out as ScorecardMetrics;
}

function slice(ctx: MetricContext): ScorecardSlice {
  const metrics: Partial<Record<MetricId, unknown>> = {};
  for (const id of METRIC_IDS) {
    const { detail: _detail, ...rest } = metricRegistry[id].compute(ctx);
    metrics[id] = rest;
  }
  return { counts: { ...ctx.tally.counts }, metrics: metrics as ScorecardSlice['metrics'] };
}
