import { DEFAULT_JUDGE } from '../../judges/index.js';
import { evaluateMonitor, LOG_FORMATS, loadMatcher, parseBaseline, parseWindowSize } from '../../monitor/index.js';
import type { MonitorConfig, MonitorStore } from '../../monitor/index.js';
import { openMonitorAndReview } from '../../review/index.js';
import { EXIT } from '../../spec/index.js';
import { DEFAULT_DB, resolveDbRef } from '../../store/index.js';
import type { RegisterCommand } from '../command-module.js';
import type { CliContext } from '../context.js';
import { DB_HELP, list, nonNegativeInt, number, positiveInt } from '../parse-options.js';
import type { Command } from 'commander';
import { loadProjectConfig } from '../project-config.js';
import { formatIncident, formatWindows, statusJson } from './monitor-format.js';
import { defaultWorkers, httpUrl, runIngest, type IngestOptions } from './monitor-ingest.js';
import { plural } from '../../util/index.js';

export const registerMonitor: RegisterCommand = (program, ctx, done) => {
  const monitor = program.command('monitor').description('Watch production: ingest logs, windowed rates, drift alerts');
  monitor
    .command('ingest')
    .description(
      'Judge and store production logs (JSONL: chat messages, OpenAI chat or Responses pairs, Anthropic Messages pairs, OpenTelemetry GenAI spans, or any JSON with --map); then check for drift',
    )
    .argument('<file>', 'a JSONL file, or - for stdin')
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .option('--source <name>', 'where the records came from (part of their identity; default: the file name)')
    .option('--format <name>', `the log's format: ${LOG_FORMATS.join(', ')} (auto detects each line)`, 'auto')
    .option('--map <fields>', 'field paths for other JSON shapes: prompt=a.b,response=c,timestamp=t,id=x,latency=ms (or messages=path)')
    .option('--redact', 'mask emails, phone numbers, IPs, card numbers and id numbers before anything is stored')
    .option(
      '--pack <refs>',
      'packs whose intents and twins records are compared with (default: the configured packs, else every built-in)',
      list,
    )
    .option('--judge <spec>', 'rules | model | cascade', DEFAULT_JUDGE)
    .option('--calibration <file>', "map the judge's confidence to observed accuracy (a file from `refusal-drill calibrate`)")
    .option('--webhook <url>', 'POST incident events here as JSON (opened, updated, closed; back-filled history as one summary)', httpUrl)
    .option('--workers <n>', 'threads that parse and judge (0 = this thread only)', nonNegativeInt('--workers'), defaultWorkers())
    .option('--strict', 'exit 3 when any line is malformed (default: only when no line was usable)')
    .option('--json', 'print the ingest report and incident events as JSON')
    .action(async (file: string, o: IngestOptions, cmd: Command) =>
      done(await runIngest(ctx, file, await withProjectConfig(o, cmd, ctx.cwd))),
    );

  monitor
    .command('status')
    .description('Recent windows (rates, look-alikes, leaks, script index, new templates, latency) and incidents')
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .option('--recent <n>', 'windows to show', positiveInt('--recent'), 24)
    .option('--json', 'print {windows: [...], incidents: [...]}')
    .action(async (o: { db: string; recent: number; json?: boolean }) =>
      done(
        await withMonitor(ctx, o.db, async (monitor) => {
          const config = await monitor.readConfig();
          const status = await evaluateMonitor(monitor, config, { recent: o.recent });
          if (o.json) return ctx.out(JSON.stringify(statusJson(status), null, 2));
          ctx.out(
            `${plural(status.records, 'record')}; window ${config.window}; baseline ${status.baseline.spec} (${plural(status.baseline.windows, 'window')}, n=${status.baseline.n})`,
          );
          if (status.windows.length) for (const line of formatWindows(status.windows)) ctx.out(line);
          const open = status.incidents.filter((i) => i.status === 'open');
          ctx.out(`${plural(status.leaks, 'record')} flagged as leaks (queued for review)`);
          ctx.out(open.length ? `\n${plural(open.length, 'open incident')}:` : '\nno open incidents');
          for (const i of status.incidents) ctx.out(`  ${formatIncident(i)}`);
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
    .option('--min-effect <d>', 'smallest change in a rate worth an incident', number('--min-effect', 0, 1))
    .option('--close-after <n>', 'windows back in band, in a row, that close an incident', positiveInt('--close-after'))
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
        closeAfter?: number;
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
            if (o.closeAfter !== undefined) patch.closeAfter = o.closeAfter;
            ctx.out(JSON.stringify(await monitor.writeConfig(patch), null, 2));
          }),
        ),
    );

  monitor
    .command('ack')
    .description('Acknowledge incidents (they stay open until the metric is back in band)')
    .argument('<ids...>', 'incident numbers, or all')
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .action(async (ids: string[], o: { db: string }) =>
      done(
        await withMonitor(ctx, o.db, async (monitor) => {
          const which = ids.includes('all') ? 'all' : ids.map((id) => positiveInt('incident id')(id.replace(/^#/, '')));
          ctx.out(`${plural(await monitor.ackIncidents(which), 'incident')} acknowledged`);
        }),
      ),
    );
};

async function withMonitor(ctx: CliContext, db: string, fn: (monitor: MonitorStore) => Promise<void>): Promise<number> {
  const { monitor } = await openMonitorAndReview(resolveDbRef({ flag: db, env: ctx.env }));
  try {
    await fn(monitor);
  } finally {
    await monitor.close();
  }
  return EXIT.ok;
}

/** `monitor ingest` in a folder `init` scaffolded: its packs, offline judge and store, unless flags say otherwise. */
async function withProjectConfig(o: IngestOptions, cmd: Command, cwd: string): Promise<IngestOptions> {
  const project = await loadProjectConfig(cwd);
  if (!project) return o;
  const c = project.config;
  const fromCli = (option: string): boolean => cmd.getOptionValueSource(option) === 'cli';
  const packs = c.packs.filter((p): p is string => typeof p === 'string');
  return {
    ...o,
    ...(o.pack === undefined && packs.length > 0 ? { pack: packs } : {}),
    // The monitor judges offline: an llm: judge in the config is for drills.
    ...(!fromCli('judge') && typeof c.judge === 'string' && !c.judge.includes('llm:') ? { judge: c.judge } : {}),
    ...(!fromCli('db') && c.db !== undefined ? { db: c.db } : {}),
  };
}
