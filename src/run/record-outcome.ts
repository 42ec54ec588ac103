import { METRIC_IDS, type GatePolicy } from '../metrics/index.js';
import type { RunOutcome, RunRecord } from '../spec/index.js';
import type { Store } from '../store/index.js';
import type { RunSummary } from './summarize-run.js';

/**
 * Stores how a finished run went with the run itself: `failed` when every case failed at the
 * target (not `done`), the answers asked and reused, the headline figures and — when it was
 * gated — the policy and its result, so `runs`, `report`, the dashboard and `compare` show them.
 */
export async function recordOutcome(store: Pick<Store, 'finishRun'>, s: RunSummary, o: { policy?: GatePolicy } = {}): Promise<RunRecord> {
  const headline: Record<string, number | null> = {};
  for (const id of METRIC_IDS) headline[id] = s.scorecard.metrics[id].value;
  const outcome: RunOutcome = {
    asked: s.scorecard.answers.asked,
    reused: s.scorecard.answers.reused,
    results: s.results,
    errors: s.errors,
    headline,
    ...(s.gate && o.policy
      ? {
          gate: {
            policy: { source: o.policy.source, rules: o.policy.rules.map((r) => ({ ...r })), maxErrorRate: o.policy.maxErrorRate },
            passed: s.gate.passed,
            failed: s.gate.rules.filter((r) => r.status === 'fail').map((r) => r.id),
          },
        }
      : {}),
  };
  const status = s.results > 0 && s.errors === s.results ? 'failed' : 'done';
  await store.finishRun(s.run.id, { status, outcome });
  return { ...s.run, status, finishedAt: s.run.finishedAt ?? new Date().toISOString(), outcome };
}
