import { buildScorecard, evaluateGate, type GatePolicy, type GateResult, type Scorecard } from '../metrics/index.js';
import { EXIT, InputError, type CaseResult, type RunRecord } from '../spec/index.js';
import type { Store } from '../store/index.js';

export interface RunSummary {
  run: RunRecord;
  results: CaseResult[];
  scorecard: Scorecard;
  gate?: GateResult;
  /** Cases that ended in an error (never counted as a refusal or an answer). */
  errors: number;
}

/** A finished run's figures, the same for a local run and a team's: its results, scorecard and gate. */
export async function summarizeRun(
  store: Pick<Store, 'getRun' | 'results' | 'path'>,
  runId: string,
  o: { policy?: GatePolicy } = {},
): Promise<RunSummary> {
  const run = await store.getRun(runId);
  if (!run) throw new InputError(`run ${runId} is not in ${store.path}`);
  const results = await store.results(run.id);
  const scorecard = buildScorecard({ run, results });
  return {
    run,
    results,
    scorecard,
    gate: o.policy ? evaluateGate(scorecard, o.policy) : undefined,
    errors: results.filter((r) => r.judgement.verdict === 'error').length,
  };
}

/** What a finished run exits with: 4 when every case failed at the target, 1 when the gate failed, else 0. */
export function finishedExitCode(s: Pick<RunSummary, 'results' | 'gate' | 'errors'>): number {
  if (s.results.length > 0 && s.errors === s.results.length) return EXIT.target;
  return s.gate && !s.gate.passed ? EXIT.gateFailed : EXIT.ok;
}
