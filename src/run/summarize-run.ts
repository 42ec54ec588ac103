import { createScorecardTally, evaluateGate, scorecardOf, type GatePolicy, type GateResult, type Scorecard } from '../metrics/index.js';
import { EXIT, InputError, type CaseResult, type RunRecord } from '../spec/index.js';
import type { Store } from '../store/index.js';
import { streamRunFile } from './write-run-dir.js';

export interface RunSummary {
  run: RunRecord;
  scorecard: Scorecard;
  gate?: GateResult;
  /** Results read (the run's cases that finished). */
  results: number;
  /** Cases that ended in an error (never counted as a refusal or an answer), and the first one's message. */
  errors: number;
  firstError?: string;
}

/**
 * A finished run's figures, the same for a local run and a team's: its scorecard, gate and what
 * the reports need, read from the store a page at a time into streamed aggregates, so memory
 * stays flat in the number of cases. With `resultsFile`, results.jsonl is written on the way;
 * `each` hears every result once (the reports' own tally: see `createReportCases`). `store` may
 * be a run directory read the same way (`runDirSource`); `k` is the scorecard's hold_all_k.
 */
export async function summarizeRun(
  store: Pick<Store, 'getRun' | 'resultPages' | 'path'>,
  runId: string,
  o: { policy?: GatePolicy; resultsFile?: string; each?: (result: CaseResult) => void; k?: number } = {},
): Promise<RunSummary> {
  const run = await store.getRun(runId);
  if (!run) throw new InputError(`run ${runId} is not in ${store.path}`);
  const tally = createScorecardTally();
  let results = 0;
  let errors = 0;
  let firstError: string | undefined;
  const file = o.resultsFile ? streamRunFile(o.resultsFile, run) : undefined;
  try {
    for await (const page of store.resultPages(run.id)) {
      for (const r of page) {
        tally.add(r);
        o.each?.(r);
        results += 1;
        if (r.judgement.verdict === 'error') {
          errors += 1;
          firstError ??= r.judgement.error ?? 'unknown';
        }
      }
      file?.write(page.map((r) => `${JSON.stringify(r)}\n`).join(''));
    }
  } catch (e) {
    file?.abort();
    throw e;
  }
  file?.close();
  const scorecard = scorecardOf({ run, tally, options: { k: o.k } });
  return {
    run,
    scorecard,
    gate: o.policy ? evaluateGate(scorecard, o.policy) : undefined,
    results,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
  };
}

/** What a finished run exits with: 4 when every case failed at the target, 1 when the gate failed, else 0. */
export function finishedExitCode(s: Pick<RunSummary, 'results' | 'gate' | 'errors'>): number {
  if (s.results > 0 && s.errors === s.results) return EXIT.target;
  return s.gate && !s.gate.passed ? EXIT.gateFailed : EXIT.ok;
}
