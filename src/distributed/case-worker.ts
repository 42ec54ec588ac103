import type PgBoss from 'pg-boss';
import { runOneCase } from '../run/index.js';
import type { CaseResult, DrillCase } from '../spec/index.js';
import { abortableSleep } from '../targets/index.js';
import { CASE_QUEUE, caseJobSchema } from './case-queue.js';
import { createRunToolCache, type MakeRunTools } from './run-tools.js';
import type { TeamStore } from './team-store.js';
import type { WorkerEventListener } from './worker-events.js';

export interface CaseWorkerOptions {
  team: TeamStore;
  boss: PgBoss;
  /** Cases this process runs at once (each is one fetch loop). */
  concurrency: number;
  /** Where keys come from (the stored run never holds one). */
  env?: Record<string, string | undefined>;
  /** Builds a run's tools; the engine's by default (tests give their own). */
  makeTools?: MakeRunTools;
  /** How often an idle loop asks for work, in seconds. */
  pollingIntervalSeconds?: number;
  onEvent?: WorkerEventListener;
}

export interface CaseWorker {
  /**
   * Stops taking jobs, cancels the cases in flight (the queue hands them to another worker) and
   * closes the targets. The queue connection stays open: its owner stops it.
   */
  stop(): Promise<void>;
}

/**
 * Takes case jobs from the queue and stores one result per case. A result is written with
 * INSERT … ON CONFLICT DO NOTHING, so a job delivered twice (its first worker died after storing)
 * is never counted twice. A job that keeps failing gets an `error` result on its last try rather
 * than leaving the run waiting for a case that will never come.
 */
export async function startCaseWorker(o: CaseWorkerOptions): Promise<CaseWorker> {
  const emit = o.onEvent ?? (() => {});
  const tools = createRunToolCache({ team: o.team, env: o.env ?? process.env, concurrency: o.concurrency, make: o.makeTools });
  const inflight = new AbortController();

  const handle = async (job: PgBoss.JobWithMetadata<unknown>): Promise<void> => {
    const data = caseJobSchema.safeParse(job.data);
    if (!data.success) return; // not ours to run; completing it keeps it from looping
    const { runId, caseId } = data.data;
    const [state, prepared, c] = await Promise.all([o.team.control.state(runId), tools.get(runId), o.team.store.case(runId, caseId)]);
    if (!state || !prepared || !c) return emit({ type: 'case-skipped', runId, caseId, reason: 'the run or case is not in the store' });
    if (state === 'cancelled') return emit({ type: 'case-skipped', runId, caseId, reason: 'the run was cancelled' });
    if (await o.team.store.hasResult(runId, caseId)) return emit({ type: 'case-duplicate', runId, caseId });
    let result: CaseResult;
    try {
      result = await runOneCase(c, { ...prepared, signal: inflight.signal });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const final = job.retryCount >= job.retryLimit && !inflight.signal.aborted;
      emit({ type: 'case-failed', runId, caseId, error: message, willRetry: !final });
      if (!final) throw e;
      result = failedResult(runId, c, `worker failed on every try: ${message}`);
    }
    const stored = (await o.team.store.putResults([result])) === 1;
    emit(stored ? { type: 'case-stored', runId, caseId, verdict: result.judgement.verdict } : { type: 'case-duplicate', runId, caseId });
  };

  // Our own fetch loop rather than boss.work(): work() waits a full polling interval after every
  // batch, which caps a slot at one case per interval; this one asks again at once while there is work.
  const stopping = new AbortController();
  const slot = async (): Promise<void> => {
    while (!stopping.signal.aborted) {
      let jobs: PgBoss.JobWithMetadata<unknown>[] = [];
      try {
        jobs = await o.boss.fetch<unknown>(CASE_QUEUE, { batchSize: 1, includeMetadata: true });
      } catch (e) {
        emit({ type: 'queue-error', error: e instanceof Error ? e.message : String(e) });
      }
      if (jobs.length === 0) {
        await abortableSleep(pollMs, stopping.signal).catch(() => undefined);
        continue;
      }
      for (const job of jobs) {
        try {
          await handle(job);
          await o.boss.complete(CASE_QUEUE, job.id);
        } catch (e) {
          // Failed (or cancelled by stop()): pg-boss retries it, on this or another worker.
          await o.boss.fail(CASE_QUEUE, job.id, { message: e instanceof Error ? e.message : String(e) }).catch(() => undefined);
        }
      }
    }
  };
  const pollMs = (o.pollingIntervalSeconds ?? 0.5) * 1000;
  const slots = Array.from({ length: o.concurrency }, slot);

  return {
    async stop() {
      stopping.abort();
      inflight.abort();
      await Promise.allSettled(slots);
      await tools.closeAll();
    },
  };
}

function failedResult(runId: string, c: DrillCase, error: string): CaseResult {
  const now = new Date().toISOString();
  const judgement = { verdict: 'error' as const, confidence: 1, judge: 'worker', error };
  return { runId, caseId: c.id, case: c, transcript: [], turns: [], judgement, heldTurns: 0, startedAt: now, finishedAt: now };
}
