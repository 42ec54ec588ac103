import type PgBoss from 'pg-boss';
import { InputError, type RunRecord } from '../spec/index.js';
import { enqueueCases } from './case-queue.js';
import type { TeamStore } from './team-store.js';

export interface QueueSettings {
  /** Requests per minute for the run's target across all workers together. */
  rpm?: number;
  /** Seconds one worker may hold a case before the queue gives it to another. */
  jobTimeoutS: number;
  /** Extra tries of a case whose worker died or crashed. */
  retryLimit: number;
}

/** Sends one job per case of a run the engine has planned and stored. */
export async function queueNewRun(
  team: TeamStore,
  boss: PgBoss,
  o: { runId: string; caseIds: string[]; settings: QueueSettings },
): Promise<void> {
  await team.control.register({ runId: o.runId, rpm: o.settings.rpm, jobTimeoutS: o.settings.jobTimeoutS });
  await enqueueCases(boss, { runId: o.runId, caseIds: o.caseIds, ...o.settings });
}

/**
 * Resumes a queued run from any machine (the engine has checked the options): marks it queued and
 * running again and re-sends its pending cases. Jobs still waiting from before are harmless
 * duplicates: the first result stored wins. Returns how many cases were sent.
 */
export async function requeueRun(
  team: TeamStore,
  boss: PgBoss,
  o: { run: RunRecord; settings: Partial<QueueSettings> & { retryLimit: number } },
): Promise<number> {
  const { run } = o;
  const queued = await team.control.get(run.id);
  if (!queued)
    throw new InputError(
      `run ${run.id} in ${team.store.path} was not started with --queue; resume it without --queue on the machine that ran it`,
    );
  const jobTimeoutS = o.settings.jobTimeoutS ?? queued.jobTimeoutS;
  const rpm = o.settings.rpm ?? queued.rpm;
  await team.control.register({ runId: run.id, rpm, jobTimeoutS });
  await team.store.setRunStatus(run.id, 'running');
  const pending = await team.store.pendingCases(run.id);
  await enqueueCases(boss, { runId: run.id, caseIds: pending.map((c) => c.id), jobTimeoutS, retryLimit: o.settings.retryLimit });
  return pending.length;
}

/** Cancels a queued run from any machine: workers skip its remaining jobs; the stored results stay. */
export async function cancelQueuedRun(team: TeamStore, ref: string): Promise<{ run: RunRecord; done: number }> {
  const run = await team.store.getRun(ref);
  if (!run) throw new InputError(`no run "${ref}" in ${team.store.path} (list them with: refusal-drill runs)`);
  if (!(await team.control.setState(run.id, 'cancelled')))
    throw new InputError(`run ${run.id} was not started with --queue; stop it with Ctrl-C where it runs`);
  const done = await team.store.countResults(run.id);
  if (done < run.caseCount) await team.store.setRunStatus(run.id, 'interrupted');
  return { run, done };
}
