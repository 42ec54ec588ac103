import { createReadStream, existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { loadCalibration, createJudge } from '../../judges/index.js';
import {
  evaluateMonitor,
  parseFieldMapping,
  describeEvent,
  historyText,
  summariseHistory,
  ingest,
  createIngestPool,
  loadMatcher,
  parseLogFormat,
  postIncidentEvents,
} from '../../monitor/index.js';
import { openMonitorAndReview } from '../../review/index.js';
import { EXIT, InputError, UsageError } from '../../spec/index.js';
import { resolveDbRef } from '../../store/index.js';
import type { CliContext } from '../context.js';
import { formatIngest } from './monitor-format.js';
import { plural } from '../../util/index.js';

export interface IngestOptions {
  db: string;
  source?: string;
  format: string;
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

/** `monitor ingest`: judge and store the log, then update incidents and report what changed. */
export async function runIngest(ctx: CliContext, file: string, o: IngestOptions): Promise<number> {
  if (file !== '-' && !existsSync(file)) throw new InputError(`${file}: no such file`);
  if (file !== '-' && !statSync(file).isFile())
    throw new InputError(
      `${file}: a directory, not a log file; ingest one file at a time (e.g. for f in ${file}/*.jsonl; do refusal-drill monitor ingest "$f"; done)`,
    );
  const mapping = o.map ? parseFieldMapping(o.map) : undefined;
  const format = parseLogFormat(o.format);
  if (mapping && format !== 'auto') throw new UsageError('give either --format or --map, not both: --map reads a shape of its own');
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
      format,
      signal: ctx.signal,
    }).finally(() => pool?.close());
    const status = await evaluateMonitor(monitor, config);
    const { live, history } = status.events;
    const webhook = o.webhook ? await postIncidentEvents(o.webhook, status.events, status.span) : undefined;
    if (o.json) ctx.out(JSON.stringify({ ...report, events: status.events, webhook }, null, 2));
    else {
      for (const line of formatIngest(report, file === '-' ? 'stdin' : file)) ctx.err(line);
      if (history.length && status.span) ctx.out(`HISTORY ${historyText(summariseHistory(history, status.span))}`);
      for (const e of live) ctx.out(`INCIDENT ${describeEvent(e)}`);
    }
    if (webhook && !webhook.ok)
      ctx.err(
        `webhook ${o.webhook}: ${webhook.failed} of ${plural(webhook.sent, 'message')} failed: ${webhook.error ?? 'unknown error'} (the incidents are stored; see monitor status)`,
      );
    if (report.interrupted) return EXIT.interrupted;
    const usable = report.inserted + report.duplicates;
    return report.malformed > 0 && (o.strict || usable === 0) ? EXIT.input : EXIT.ok;
  } finally {
    await monitor.close();
  }
}

export function httpUrl(value: string): string {
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
export function defaultWorkers(): number {
  const n = availableParallelism();
  return n > 1 ? n : 0;
}
