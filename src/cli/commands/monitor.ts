import { createReadStream, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { loadCalibration, createJudge, DEFAULT_JUDGE } from '../../judges/index.js';
import {
  evaluateMonitor,
  parseFieldMapping,
  ingest,
  createIngestPool,
  loadMatcher,
  parseBaseline,
  postAlerts,
  parseWindowSize,
} from '../../monitor/index.js';
import type { MonitorConfig, MonitorStore } from '../../monitor/index.js';
import { openMonitorAndReview } from '../../review/index.js';
import { EXIT, InputError, UsageError } from '../../spec/index.js';
import { DEFAULT_DB, resolveDbRef } from '../../store/index.js';
import type { RegisterCommand } from '../command-module.js';
import type { CliContext } from '../context.js';
import { DB_HELP, list, nonNegativeInt, number, positiveInt } from '../parse-options.js';
import { alertJson, formatAlert, formatIngest, formatWindows, statusJson } from './monitor-format.js';

interface IngestOptions {
  db: string;
  source?: string;
  map?: string;
  redact?: boolean;
  pack?: string[];
  judge: string;
  calibration?: string;
  webhook?: string;
  strict?: boolean;
  json?: boolean;
  workers: number;
}

export const registerMonitor: RegisterCommand = (program, ctx, done) => {
  const monitor = program.command('monitor').description('Watch production: ingest logs, windowed rates, drift alerts');
  monitor
    .command('ingest')
    .description(
      'Judge and store production logs (JSONL: chat messages, OpenAI request/response pairs, or any JSON with --map); then check for drift',
    )
    .argument('<file>', 'a JSONL file, or - for stdin')
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .option('--source <name>', 'where the records came from (part of their identity; default: the file name)')
    .option('--map <fields>', 'field paths for other JSON shapes: prompt=a.b,response=c,timestamp=t,id=x,latency=ms (or messages=path)')
    .option('--redact', 'mask emails, phone numbers, IPs, card numbers and id numbers before anything is stored')
    .option(
      '--pack <refs>',
      'packs whose intents and twins records are compared with (default: the configured packs, else every built-in)',
      list,
    )
    .option('--judge <spec>', 'rules | model | cascade', DEFAULT_JUDGE)
    .option('--calibration <file>', "map the judge's confidence to observed accuracy (a file from `refusal-drill calibrate`)")
    .option('--webhook <url>', 'POST new alerts here as JSON', httpUrl)
    .option('--workers <n>', 'threads that parse and judge (0 = this thread only)', nonNegativeInt('--workers'), defaultWorkers())
    .option('--strict', 'exit 3 when any line is malformed (default: only when no line was usable)')
    .option('--json', 'print the ingest report and new alerts as JSON')
    .action(async (file: string, o: IngestOptions) => done(await runIngest(ctx, file, o)));

  monitor
    .command('status')
    .description('Recent windows (rates, look-alikes, script index, new templates, latency) and open alerts')
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .option('--recent <n>', 'windows to show', positiveInt('--recent'), 24)
    .option('--json', 'print {windows: [...], alerts: [...]}')
    .action(async (o: { db: string; recent: number; json?: boolean }) =>
      done(
        await withMonitor(ctx, o.db, async (monitor) => {
          const config = await monitor.readConfig();
          const status = await evaluateMonitor(monitor, config, { recent: o.recent });
          if (o.json) return ctx.out(JSON.stringify(statusJson(status), null, 2));
          ctx.out(
            `${status.records} record(s); window ${config.window}; baseline ${status.baseline.spec} (${status.baseline.windows} window(s), n=${status.baseline.n})`,
          );
          if (status.windows.length) for (const line of formatWindows(status.windows)) ctx.out(line);
          ctx.out(status.alerts.length ? `\n${status.alerts.length} open alert(s):` : '\nno open alerts');
          for (const a of status.alerts) ctx.out(`  ${formatAlert(a)}`);
        }),
      ),
    );

  monitor
    .command('config')
    .description('Show or change how the monitor measures (kept in the store)')
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .option('--window <size>', 'hour, day, or a length such as 15m, 6h, 7d')
    .option('--baseline <spec>', 'default (the first day of data), first:<windows>, or <ISO start>..<ISO end>')
    .option('--pack <refs>', 'packs to compare records with (comma list)', list)
    .option('--all-packs', 'compare with every built-in pack')
    .option('--threshold <sim>', 'similarity (0–1) for "resembles an intent/twin"', number('--threshold', 0, 1))
    .option('--fdr <q>', 'false-discovery rate for drift alerts', number('--fdr', 0.0001, 0.5))
    .option('--min-n <n>', 'smallest window tested', positiveInt('--min-n'))
    .option('--min-effect <d>', 'smallest change in a rate worth an alert', number('--min-effect', 0, 1))
    .action(
      async (o: {
        db: string;
        window?: string;
        baseline?: string;
        pack?: string[];
        allPacks?: boolean;
        threshold?: number;
        fdr?: number;
        minN?: number;
        minEffect?: number;
      }) =>
        done(
          await withMonitor(ctx, o.db, async (monitor) => {
            const patch: Partial<MonitorConfig> = {};
            // Validate before storing: a bad setting would otherwise break every later command.
            const windowMs = parseWindowSize(o.window ?? (await monitor.readConfig()).window);
            if (o.window) patch.window = o.window;
            if (o.baseline) {
              parseBaseline(o.baseline, windowMs);
              patch.baseline = o.baseline;
            }
            if (o.pack) {
              loadMatcher(o.pack);
              patch.packs = o.pack;
            }
            if (o.allPacks) patch.packs = null;
            if (o.threshold !== undefined) patch.matchThreshold = o.threshold;
            if (o.fdr !== undefined) patch.fdr = o.fdr;
            if (o.minN !== undefined) patch.minN = o.minN;
            if (o.minEffect !== undefined) patch.minEffect = o.minEffect;
            ctx.out(JSON.stringify(await monitor.writeConfig(patch), null, 2));
          }),
        ),
    );

  monitor
    .command('ack')
    .description('Acknowledge (close) alerts')
    .argument('<ids...>', 'alert numbers, or all')
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .action(async (ids: string[], o: { db: string }) =>
      done(
        await withMonitor(ctx, o.db, async (monitor) => {
          const which = ids.includes('all') ? 'all' : ids.map((id) => positiveInt('alert id')(id.replace(/^#/, '')));
          ctx.out(`${await monitor.ackAlerts(which)} alert(s) acknowledged`);
        }),
      ),
    );
};

async function runIngest(ctx: CliContext, file: string, o: IngestOptions): Promise<number> {
  if (file !== '-' && !existsSync(file)) throw new InputError(`${file}: no such file`);
  const mapping = o.map ? parseFieldMapping(o.map) : undefined;
  const calibration = o.calibration ? loadCalibration(o.calibration) : undefined;
  const judge = createJudge(o.judge, { calibration });
  const { monitor } = await openMonitorAndReview(resolveDbRef({ flag: o.db, env: ctx.env }));
  try {
    const config = await monitor.readConfig();
    const packs = o.pack ?? config.packs;
    // On SQLite the workers also write: rows never travel back to this thread.
    const pool =
      o.workers > 0
        ? await createIngestPool({
            size: o.workers,
            judge: o.judge,
            calibration,
            packs,
            dbPath: monitor.file,
            write: monitor.kind === 'sqlite',
          })
        : undefined;
    const input = file === '-' ? process.stdin : createReadStream(file);
    const report = await ingest({
      monitor,
      input,
      source: o.source ?? (file === '-' ? 'stdin' : basename(file)),
      judge,
      pool,
      matcher: pool ? undefined : loadMatcher(packs),
      matchThreshold: config.matchThreshold,
      redact: o.redact,
      mapping,
      signal: ctx.signal,
    }).finally(() => pool?.close());
    const status = await evaluateMonitor(monitor, config);
    const webhook = o.webhook && status.newAlerts.length ? await postAlerts(o.webhook, status.newAlerts) : undefined;
    if (webhook?.ok) await monitor.markNotified(status.newAlerts.map((a) => a.id));
    if (o.json) ctx.out(JSON.stringify({ ...report, newAlerts: status.newAlerts.map(alertJson), webhook }, null, 2));
    else {
      for (const line of formatIngest(report, file === '-' ? 'stdin' : file)) ctx.err(line);
      for (const a of status.newAlerts) ctx.out(`ALERT ${formatAlert(a)}`);
    }
    if (webhook && !webhook.ok)
      ctx.err(`webhook ${o.webhook} failed: ${webhook.error ?? 'unknown error'} (the alerts are stored; see monitor status)`);
    if (report.interrupted) return EXIT.interrupted;
    const usable = report.inserted + report.duplicates;
    return report.malformed > 0 && (o.strict || usable === 0) ? EXIT.input : EXIT.ok;
  } finally {
    await monitor.close();
  }
}

async function withMonitor(ctx: CliContext, db: string, fn: (monitor: MonitorStore) => Promise<void>): Promise<number> {
  const { monitor } = await openMonitorAndReview(resolveDbRef({ flag: db, env: ctx.env }));
  try {
    await fn(monitor);
  } finally {
    await monitor.close();
  }
  return EXIT.ok;
}

function httpUrl(value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new UsageError(`--webhook expects an http(s) URL, got "${value}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`--webhook expects an http(s) URL, got "${value}"`);
  return value;
}

/** Judging is most of an ingest's CPU; one worker per core, none on a single core. */
function defaultWorkers(): number {
  const n = availableParallelism();
  return n > 1 ? n : 0;
}
