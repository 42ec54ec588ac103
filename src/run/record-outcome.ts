import { METRIC_IDS, type GatePolicy } from '../metrics/index.js';
import type { CaseResult, RunOutcome, RunRecord } from '../spec/index.js';
import type { Store } from '../store/index.js';
import type { RunSummary } from './summarize-run.js';

/** Turns of the model under drill that were asked this time and that came from the response cache. */
export function answerCounts(results: readonly CaseResult[]): { asked: number; reused: number } {
  let asked = 0;
  let reused = 0;
  for (const r of results)
    for (const t of r.turns) {
      if (t.response?.cached) reused += 1;
      else if (t.response || t.error) asked += 1;
    }
  return { asked, reused };
}

/** "657 asked, 0 reused": what every run prints and every report shows. */
export function describeAnswers(o: Pick<RunOutcome, 'asked' | 'reused'>): string {
  return `${o.asked} asked, ${o.reused} reused`;
}

/**
 * Stores how a finished run went with the run itself: `failed` when every case failed at the
 * target (not `done`), the answers asked and reused, the headline figures and — when it was
 * gated — the policy and its result, so `runs`, `report`, the dashboard and `compare` show them.
 */
export async function recordOutcome(
  store: Pick<Store, 'finishRun'>,
  s: RunSummary,
  o: { policy?: GatePolicy } = {},
): Promise<RunRecord> {
  const headline: Record<string, number | null> = {};
  for (const id of METRIC_IDS) headline[id] = s.scorecard.metrics[id].value;
  const outcome: RunOutcome = {
    ...answerCounts(s.results),
    results: s.results.length,
    errors: s.errors,
    headline,
    ...(s.gate && o.policy
      ? {
          gate: {
            policy: { source: o.policy.source, rules: o.policy.rules.map((r) => ({ ...r })) },
            passed: s.gate.passed,
            failed: s.gate.rules.filter((r) => r.status === 'fail').map((r) => r.id),
          },
        }
      : {}),
  };
  const status = s.results.length > 0 && s.errors === s.results.length ? 'failed' : 'done';
  await store.finishRun(s.run.id, { status, outcome });
  return { ...s.run, status, finishedAt: s.run.finishedAt ?? new Date().toISOString(), outcome };
}
