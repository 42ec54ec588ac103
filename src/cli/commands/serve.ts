import { randomBytes } from 'node:crypto';
import { loadCalibration, createJudge, DEFAULT_JUDGE } from '../../judges/index.js';
import { loadMatcher, describeEvent, historyText, summariseHistory } from '../../monitor/index.js';
import type { IntentMatcher } from '../../monitor/index.js';
import { openMonitorAndReview } from '../../review/index.js';
import { isLoopbackHost, startDashboard } from '../../server/index.js';
import type { DashboardEvent } from '../../server/index.js';
import { EXIT, UsageError } from '../../spec/index.js';
import { DEFAULT_DB, resolveDbRef } from '../../store/index.js';
import type { RegisterCommand } from '../command-module.js';
import type { CliContext } from '../context.js';
import { list, nonNegativeInt } from '../parse-options.js';
import { plural } from '../../util/index.js';

interface ServeOptions {
  db: string;
  host: string;
  port: number;
  token?: string;
  redact?: boolean;
  pack?: string[];
  judge: string;
  calibration?: string;
  webhook?: string;
}

export const registerServe: RegisterCommand = (program, ctx, done) => {
  program
    .command('serve')
    .description('Local dashboard: runs, compare, monitor charts, the review queue; POST /api/ingest (NDJSON) for a live feed')
    .option('--db <file|url>', 'SQLite store, or a postgres:// URL several instances ingest into (else REFUSAL_DRILL_DB)', DEFAULT_DB)
    .option('--host <addr>', 'address to bind; anything but loopback requires a token', '127.0.0.1')
    .option('--port <n>', 'port (0 = any free port)', nonNegativeInt('--port'), 4317)
    .option('--token <token>', 'required on every request (else REFUSAL_DRILL_TOKEN; generated when binding beyond loopback)')
    .option('--redact', 'mask emails, phone numbers, IPs, card and id numbers in ingested records before storing')
    .option('--pack <refs>', 'packs to compare ingested records with (default: the monitor config, else every built-in)', list)
    .option('--judge <spec>', 'judge for ingested records', DEFAULT_JUDGE)
    .option('--calibration <file>', "map the judge's confidence to observed accuracy (a file from `refusal-drill calibrate`)")
    .option('--webhook <url>', 'POST incident events here as JSON (opened, updated, closed)')
    .action(async (o: ServeOptions) => done(await serve(ctx, o)));
};

const MIN_TOKEN_LENGTH = 16;

async function serve(ctx: CliContext, o: ServeOptions): Promise<number> {
  if (o.webhook && !/^https?:\/\//.test(o.webhook)) throw new UsageError(`--webhook expects an http(s) URL, got "${o.webhook}"`);
  let token = o.token ?? ctx.env.REFUSAL_DRILL_TOKEN;
  let generated = false;
  // A token is all that guards a dashboard bound beyond loopback: one a guess finds guards nothing.
  if (token && !isLoopbackHost(o.host) && token.length < MIN_TOKEN_LENGTH)
    throw new UsageError(
      `--token (or REFUSAL_DRILL_TOKEN) must be at least ${MIN_TOKEN_LENGTH} characters when binding to ${o.host}, beyond loopback; leave it out to have one generated`,
    );
  if (!token && !isLoopbackHost(o.host)) {
    token = randomBytes(24).toString('base64url');
    generated = true;
  }
  const judge = createJudge(o.judge, { calibration: o.calibration ? loadCalibration(o.calibration) : undefined });
  const { monitor, review, runs, close } = await openMonitorAndReview(resolveDbRef({ flag: o.db, env: ctx.env }));
  const packs = o.pack ?? (await monitor.readConfig()).packs;
  let matcher: IntentMatcher | undefined;
  const server = await startDashboard({
    monitor,
    review,
    runs,
    judge,
    host: o.host,
    port: o.port,
    token,
    redact: o.redact,
    webhook: o.webhook,
    matcher: () => (matcher ??= loadMatcher(packs)),
    onEvent: (e) => report(ctx, e),
  }).catch(async (e: unknown) => {
    await close();
    throw e;
  });
  ctx.out(
    `refusal-drill dashboard: ${server.url}/${generated ? `?token=${token}` : ''}${monitor.kind === 'postgres' ? ` (monitor in ${monitor.path})` : ''}`,
  );
  if (generated) ctx.err(`bound to ${o.host}: every request needs the token above (Authorization: Bearer <token> or ?token=)`);
  ctx.out(`live ingest: POST NDJSON to ${server.url}/api/ingest${token ? ' with Authorization: Bearer <token>' : ''}`);
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) resolve();
    else ctx.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.close();
  await close();
  return EXIT.ok;
}

function report(ctx: CliContext, e: DashboardEvent): void {
  if (e.type === 'ingest') {
    const r = e.report;
    ctx.err(
      `ingest ${r.source}: ${r.inserted} new, ${r.duplicates} duplicate, ${r.malformed} malformed${r.errors.length ? ` (first: line ${r.errors[0]?.line}: ${r.errors[0]?.message})` : ''}`,
    );
  } else if (e.type === 'incidents') {
    if (e.events.history.length && e.span) ctx.out(`HISTORY ${historyText(summariseHistory(e.events.history, e.span))}`);
    for (const x of e.events.live) ctx.out(`INCIDENT ${describeEvent(x)}`);
    if (e.webhook && !e.webhook.ok)
      ctx.err(`webhook: ${e.webhook.failed} of ${plural(e.webhook.sent, 'message')} failed: ${e.webhook.error ?? 'unknown error'}`);
  } else ctx.err(`error: ${e.message}`);
}
