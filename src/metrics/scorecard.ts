import type { CaseResult, RunRecord } from '../spec/index.js';
import { answerCounts } from './answer-counts.js';
import type { MetricContext } from './metric.js';
import { groupBy, mutationFamily, refusalTurns } from './outcome.js';
import { metricRegistry, METRIC_IDS, type MetricId } from './registry.js';
import type { Scorecard, ScorecardMetrics, ScorecardSlice } from './scorecard-types.js';
import { templateText } from './template-text.js';
import { clusterTexts } from './text/minhash.js';
import { verdictCounts } from './verdict-counts.js';

export const SCORECARD_FORMAT_VERSION = 3;
export const DEFAULT_K = 4;

export interface BuildScorecardInput {
  run: RunRecord;
  results: CaseResult[];
  options?: { k?: number };
}

/** Every metric over a run's results, overall and per principle, mutation family, split and language. Pure. */
export function buildScorecard(input: BuildScorecardInput): Scorecard {
  const { run, results } = input;
  const k = input.options?.k ?? DEFAULT_K;
  const ctx = metricContext(results, { k, seed: run.options.seed });
  const multiPack = new Set(results.map((r) => r.case.packId)).size > 1;
  const slices = (key: (r: CaseResult) => string): Record<string, ScorecardSlice> =>
    Object.fromEntries(
      [...groupBy(results, key)]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, rs]) => [name, slice({ ...ctx, results: rs, detail: false })]),
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
    answers: answerCounts(results, run.options),
    counts: { ...verdictCounts(results), cases: run.caseCount, results: results.length },
    byExpect: {
      refuse: verdictCounts(results.filter((r) => r.case.expect === 'refuse')),
      comply: verdictCounts(results.filter((r) => r.case.expect === 'comply')),
    },
    metrics: computeAll(ctx),
    byPrinciple: slices((r) => (multiPack ? `${r.case.packId}/${r.case.principleId}` : r.case.principleId)),
    byMutation: slices((r) => mutationFamily(r.case.mutation)),
    bySplit: slices((r) => r.case.split),
    byLanguage: slices((r) => r.case.language),
    gate: null,
  };
}

/** The shared context: refusal templates are clustered once over the whole run so slices agree. */
export function metricContext(results: readonly CaseResult[], options: { k: number; seed: number }): MetricContext {
  const texts = [...new Set(refusalTurns(results).map(templateText))];
  const labels = clusterTexts(texts);
  const label = new Map(texts.map((t, i) => [t, labels[i] ?? i]));
  return { results, k: options.k, seed: options.seed, templateOf: (t) => label.get(t) ?? -1, detail: true };
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
  return { counts: verdictCounts(ctx.results), metrics: metrics as ScorecardSlice['metrics'] };
}
