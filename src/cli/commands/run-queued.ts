import type PgBoss from 'pg-boss';
import {
  cancelQueuedRun,
  followRun,
  openCaseQueue,
  openTeamStore,
  queueNewRun,
  requeueRun,
  startCaseWorker,
  type CaseWorker,
} from '../../distributed/index.js';
import { loadGatePolicy } from '../../metrics/index.js';
import { planNewRun, resumeRun, type RunSettings } from '../../run/index.js';
import { EXIT, UsageError } from '../../spec/index.js';
import { resolveDbRef } from '../../store/index.js';
import { storableBaseUrl } from '../../targets/index.js';
import type { CliContext } from '../context.js';
import { renderFinishedRun } from '../render-finished-run.js';
import type { RunCliOptions } from './run.js';
import { plural } from '../../util/index.js';

const RETRY_LIMIT = 3;

/**
 * `run` against the team's Postgres: the engine plans and stores the run (or checks a resumed
 * one), its cases go to the queue, this process follows progress while workers anywhere run them
 * (it works on them too unless `--queue`), then writes the run directory and scorecard.
 */
export async function runQueued(i: {
  settings: RunSettings;
  asked: Partial<RunSettings>;
  o: RunCliOptions;
  ctx: CliContext;
}): Promise<number> {
  const { o, ctx } = i;
  if (i.settings.baseUrl !== undefined && storableBaseUrl(i.settings.baseUrl).removed)
    throw new UsageError(
      "--base-url carries credentials (user:password@ or a key in the query): team workers rebuild the target from the stored run, which never holds them; give the key through the worker's environment (OPENAI_API_KEY, ANTHROPIC_API_KEY) instead",
    );
  const policy = o.gate === undefined || o.gate === false ? undefined : loadGatePolicy(typeof o.gate === 'string' ? o.gate : undefined);
  const url = resolveDbRef({ flag: o.db, env: ctx.env });
  const team = await openTeamStore(url);
  let worker: CaseWorker | undefined;
  let boss: PgBoss | undefined;
  try {
    boss = await openCaseQueue(url, { onError: (e) => ctx.err(`queue: ${e instanceof Error ? e.message : String(e)}`) });
    const notice = (e: { type: string; message?: string }): void => {
      if (e.type === 'notice' && e.message) ctx.err(`notice: ${e.message}`);
    };
    const settings = { rpm: o.rpm, jobTimeoutS: o.jobTimeout, retryLimit: RETRY_LIMIT };
    let run;
    if (o.resume) {
      ({ run } = await resumeRun({ store: team.store, ref: o.resume, asked: i.asked, onEvent: notice }));
      const pending = await requeueRun(team, boss, { run, settings });
      ctx.err(`run ${run.id}: ${plural(pending, 'pending case')} sent to the queue again`);
    } else {
      const planned = await planNewRun({
        store: team.store,
        settings: i.settings,
        concurrency: o.concurrency,
        tools: { env: ctx.env },
        signal: ctx.signal,
        onEvent: notice,
        trainedOn: o.trainedOn,
      });
      run = planned.run;
      const caseIds = planned.cases.map((c) => c.id);
      await queueNewRun(team, boss, { runId: run.id, caseIds, settings: { ...settings, jobTimeoutS: o.jobTimeout ?? 300 } });
      ctx.err(`run ${run.id}: ${plural(run.caseCount, 'case')} queued on ${team.store.path}`);
    }
    if (o.queue)
      ctx.err(
        `start workers with: refusal-drill worker --db <this URL> --concurrency <n>   (cancel from anywhere: refusal-drill cancel ${run.id})`,
      );
    else worker = await startCaseWorker({ team, boss, concurrency: o.concurrency, env: ctx.env });
    let lastLine = 0;
    const { outcome, done } = await followRun(team, {
      runId: run.id,
      total: run.caseCount,
      boss,
      signal: ctx.signal,
      onProgress: (n, total) => {
        if (Date.now() - lastLine < 2000 && n < total) return;
        lastLine = Date.now();
        ctx.err(`${n}/${total} cases done`);
      },
    });
    await worker?.stop();
    worker = undefined;
    if (outcome === 'cancelled') {
      ctx.err(
        `run ${run.id} was cancelled with ${done} of ${run.caseCount} cases stored. Resume it with: refusal-drill run --resume ${run.id} --queue`,
      );
      return EXIT.interrupted;
    }
    if (outcome === 'interrupted') {
      if (!o.queue) await cancelQueuedRun(team, run.id);
      ctx.err(
        `stopped following run ${run.id} (${done} of ${run.caseCount} cases stored)${o.queue ? '; workers go on with it' : ''}. Follow or resume it with: refusal-drill run --resume ${run.id} --queue`,
      );
      return EXIT.interrupted;
    }
    return await renderFinishedRun(team.store, run, { policy, out: o.out, ctx });
  } finally {
    await worker?.stop().catch(() => undefined);
    await boss?.stop({ graceful: false, wait: true }).catch(() => undefined);
    await team.close();
  }
}
