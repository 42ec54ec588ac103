import type { WorkerEvent } from '../../distributed/index.js';
import { EXIT } from '../../spec/index.js';
import { DEFAULT_DB, resolveDbRef } from '../../store/index.js';
import type { RegisterCommand } from '../command-module.js';
import type { CliContext } from '../context.js';
import { number, positiveInt } from '../parse-options.js';
import { plural } from '../../util/index.js';

interface WorkerOptions {
  db: string;
  concurrency: number;
  poll: number;
  verbose?: boolean;
}

export const registerWorker: RegisterCommand = (program, ctx, done) => {
  program
    .command('worker')
    .description('Run the cases of queued runs (`run --queue`) from the team Postgres store, until stopped (Ctrl-C / SIGTERM)')
    .option('--db <url>', 'the team store: postgres://user:pass@host/db (else REFUSAL_DRILL_DB)', DEFAULT_DB)
    .option('--concurrency <n>', 'cases this worker runs at once', positiveInt('--concurrency'), 4)
    .option('--poll <seconds>', 'how often an idle worker asks for work', number('--poll', 0.5, 60), 1)
    .option('--verbose', 'print a line per case')
    .action(async (o: WorkerOptions) => done(await workerCommand(o, ctx)));
};

async function workerCommand(o: WorkerOptions, ctx: CliContext): Promise<number> {
  // Team mode's libraries (pg, pg-boss, kysely) load only when a worker starts.
  const { openCaseQueue, openTeamStore, startCaseWorker } = await import('../../distributed/index.js');
  const url = resolveDbRef({ flag: o.db, env: ctx.env });
  // One pool connection per concurrent case plus a few for bookkeeping.
  const team = await openTeamStore(url, { poolSize: o.concurrency + 2 });
  try {
    const boss = await openCaseQueue(url, { onError: (e) => ctx.err(`queue: ${e instanceof Error ? e.message : String(e)}`) });
    const tally = { stored: 0, duplicate: 0, skipped: 0, failed: 0 };
    const worker = await startCaseWorker({
      team,
      boss,
      concurrency: o.concurrency,
      pollingIntervalSeconds: o.poll,
      env: ctx.env,
      onEvent: (e) => report(e, tally, o.verbose === true, ctx),
    });
    ctx.err(`worker ${process.pid} ready: ${plural(o.concurrency, 'case')} at a time from ${team.store.path}`);
    if (!ctx.signal.aborted) await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true }));
    await worker.stop();
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    ctx.err(
      `worker ${process.pid} stopped: ${tally.stored} stored, ${plural(tally.duplicate, 'duplicate')} ignored, ${tally.skipped} skipped, ${plural(tally.failed, 'failure')}`,
    );
    return EXIT.ok;
  } finally {
    await team.close();
  }
}

function report(
  e: WorkerEvent,
  tally: Record<'stored' | 'duplicate' | 'skipped' | 'failed', number>,
  verbose: boolean,
  ctx: CliContext,
): void {
  switch (e.type) {
    case 'case-stored':
      tally.stored += 1;
      if (verbose) ctx.err(`stored ${e.runId} ${e.caseId}: ${e.verdict}`);
      return;
    case 'case-duplicate':
      tally.duplicate += 1;
      if (verbose) ctx.err(`duplicate ${e.runId} ${e.caseId}: already had a result`);
      return;
    case 'case-skipped':
      tally.skipped += 1;
      if (verbose) ctx.err(`skipped ${e.runId} ${e.caseId}: ${e.reason}`);
      return;
    case 'case-failed':
      tally.failed += 1;
      ctx.err(`case ${e.runId} ${e.caseId} failed: ${e.error}${e.willRetry ? ' (the queue will retry it)' : ''}`);
      return;
    case 'queue-error':
      ctx.err(`queue: ${e.error}`);
  }
}
