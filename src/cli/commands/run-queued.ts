import type PgBoss from 'pg-boss';
import {
  cancelQueuedRun,
  followRun,
  openCaseQueue,
  openTeamStore,
  queueNewRun,
  requeueRun,
  snapshotContext,
  startCaseWorker,
  type CaseWorker,
  type TeamStore,
} from '../../distributed/index.js';
import type { GatePolicy } from '../../metrics/gate-policy.js';
import { loadGatePolicy } from '../../metrics/gate.js';
import { resolvePack } from '../../packs/index.js';
import { planCases } from '../../run/plan.js';
import { EXIT, UsageError, type RunRecord } from '../../spec/index.js';
import { resolveDbRef } from '../../store/kysely/index.js';
import { createTarget } from '../../targets/create-target.js';
import type { CliContext } from '../context.js';
import { finishRun } from '../finish-run.js';
import { planNewRun } from '../plan-run.js';
import { queueRunTools } from './queue-tools.js';

/** The options of `run` this path reads (a structural subset of run.ts's own). */
export interface QueuedRunOptions {
  target?: string;
  baseUrl?: string;
  targetConfig?: string;
  samples: number;
  concurrency: number;
  rpm?: number;
  judge: string;
  partialAs?: 'partial' | 'refusal' | 'compliance';
  calibration?: string;
  mutate?: string[];
  attacker?: string;
  adaptive?: number | boolean;
  seed: number;
  temperature?: number;
  maxTokens?: number;
  out?: string;
  db: string;
  cache: boolean;
  resume?: string;
  gate?: string | boolean;
  /** Only enqueue and follow; without it this process also works on the cases. */
  queue?: boolean;
  jobTimeout?: number;
}

const RETRY_LIMIT = 3;

/**
 * `run` against the team's Postgres: plan, store and enqueue the cases (or re-enqueue a resumed
 * run), follow progress while workers anywhere run them, then write the run directory and scorecard.
 */
export async function runQueued(refs: string[], o: QueuedRunOptions, ctx: CliContext): Promise<number> {
  const policy = o.gate === undefined || o.gate === false ? undefined : loadGatePolicy(typeof o.gate === 'string' ? o.gate : undefined);
  const url = resolveDbRef({ flag: o.db, env: ctx.env });
  const team = await openTeamStore(url);
  let worker: CaseWorker | undefined;
  let boss: PgBoss | undefined;
  try {
    boss = await openCaseQueue(url, { onError: (e) => ctx.err(`queue: ${e instanceof Error ? e.message : String(e)}`) });
    const settings = { rpm: o.rpm, jobTimeoutS: o.jobTimeout ?? 300, retryLimit: RETRY_LIMIT };
    let run: RunRecord;
    if (o.resume) {
      const resumed = await requeueRun(team, boss, {
        ref: o.resume,
        settings: { rpm: o.rpm, jobTimeoutS: o.jobTimeout, retryLimit: RETRY_LIMIT },
      });
      run = resumed.run;
      ctx.err(`run ${run.id}: ${resumed.pending} pending case(s) sent to the queue again`);
    } else {
      const queue = boss;
      run = await planAndQueue(refs, o, ctx, team, (r, cases, context) => queueNewRun(team, queue, { run: r, cases, context, settings }));
      ctx.err(`run ${run.id}: ${run.caseCount} case(s) queued on ${team.store.path}`);
    }
    if (o.queue)
      ctx.err(
        `start workers with: refusal-drill worker --db <this URL> --concurrency <n>   (cancel from anywhere: refusal-drill cancel ${run.id})`,
      );
    else
      worker = await startCaseWorker({
        team,
        boss,
        concurrency: o.concurrency,
        makeTools: queueRunTools({ env: ctx.env, concurrency: o.concurrency }),
      });
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
    return await writeOutputs(team, run.id, { out: o.out, policy }, ctx);
  } finally {
    await worker?.stop().catch(() => undefined);
    await boss?.stop({ graceful: false, wait: true }).catch(() => undefined);
    await team.close();
  }
}

type Enqueue = (
  run: RunRecord,
  cases: Awaited<ReturnType<typeof planCases>>['cases'],
  context: ReturnType<typeof snapshotContext>,
) => Promise<void>;

async function planAndQueue(refs: string[], o: QueuedRunOptions, ctx: CliContext, team: TeamStore, enqueue: Enqueue): Promise<RunRecord> {
  if (refs.length === 0)
    throw new UsageError(
      'run needs at least one pack file or built-in pack name, e.g. `refusal-drill run xstest --target replay:xstest/gpt4 --queue`',
    );
  if (!o.target) throw new UsageError('--target is required, e.g. --target openai:gpt-4o-mini');
  const packs = refs.map((r) => resolvePack(r));
  const settings = { baseUrl: o.baseUrl, configFile: o.targetConfig, env: ctx.env };
  const target = createTarget(o.target, settings);
  const attacker = o.attacker ? createTarget(o.attacker, { env: ctx.env }) : undefined;
  try {
    const { run, cases } = await planNewRun({
      o,
      packs,
      packRefs: refs,
      target,
      targetSpec: o.target,
      baseUrl: o.baseUrl,
      targetConfig: o.targetConfig,
      attacker,
      attackerSpec: o.attacker,
      marks: await team.store.auditMarks(),
      signal: ctx.signal,
      notice: (message) => ctx.err(message),
    });
    await enqueue(run, cases, snapshotContext(packs));
    return run;
  } finally {
    await target.close?.();
    await attacker?.close?.();
  }
}

async function writeOutputs(team: TeamStore, runId: string, o: { out?: string; policy?: GatePolicy }, ctx: CliContext): Promise<number> {
  const run = await team.store.getRun(runId);
  if (!run) throw new UsageError(`run ${runId} vanished from ${team.store.path}`);
  return finishRun({ run, results: await team.store.results(runId), out: o.out, policy: o.policy, storePath: team.store.path, ctx });
}
