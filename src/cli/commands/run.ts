import { DEFAULT_JUDGE } from '../../judges/create-judge.js';
import { loadGatePolicy } from '../../metrics/gate.js';
import { resolvePack } from '../../packs/index.js';
import { caseContextLookup } from '../../run/case-context.js';
import { withCache } from '../../run/cached-target.js';
import { runDrill } from '../../run/runner.js';
import { EXIT, InputError, UsageError, type RunRecord } from '../../spec/index.js';
import { DEFAULT_DB, openStore } from '../../store/index.js';
import { isPostgresUrl, resolveDbRef } from '../../store/kysely/db-ref.js';
import { createTarget, type TargetSettings } from '../../targets/create-target.js';
import { buildJudge } from '../build-judge.js';
import type { Command } from 'commander';
import { applyConfig } from '../apply-config.js';
import type { RegisterCommand } from '../command-module.js';
import type { CliContext } from '../context.js';
import { finishRun } from '../finish-run.js';
import { planNewRun } from '../plan-run.js';
import { list, nonNegativeInt, number, partialAs, positiveInt } from '../parse-options.js';
import { createProgress } from '../progress.js';

interface RunOptions {
  target?: string;
  baseUrl?: string;
  targetConfig?: string;
  samples: number;
  concurrency: number;
  rpm?: number;
  timeout?: number;
  retries?: number;
  judge: string;
  partialAs: 'partial' | 'refusal' | 'compliance';
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
  audit?: string;
  queue?: boolean;
  jobTimeout?: number;
  config?: string;
}

export const registerRun: RegisterCommand = (program, ctx, done) => {
  program
    .command('run')
    .description('Run drill packs against a target, judge every response, store the run and write a scorecard and reports')
    .argument('[packs...]', 'pack files or built-in pack names (see `refusal-drill packs list`)')
    .option(
      '-t, --target <spec>',
      'the model under drill: openai:<model>, anthropic:<model>, ollama:<model>, http:<config>, exec:<cmd>, replay:<file|builtin>',
    )
    .option('--base-url <url>', 'endpoint base URL (else OPENAI_BASE_URL / ANTHROPIC_BASE_URL)')
    .option('--target-config <file>', 'config file for the http target')
    .option('--samples <k>', 'samples per case', positiveInt('--samples'), 1)
    .option('--concurrency <n>', 'requests in flight', positiveInt('--concurrency'), 8)
    .option('--rpm <n>', 'requests per minute limit', positiveInt('--rpm'))
    .option('--timeout <ms>', 'per-request timeout in ms', positiveInt('--timeout'))
    .option('--retries <n>', 'retries on 429/5xx/network errors', nonNegativeInt('--retries'))
    .option('--judge <spec>', 'rules | model | cascade | llm:<target-spec>', DEFAULT_JUDGE)
    .option(
      '--partial-as <verdict>',
      'count partial refusals as partial (default), refusal or compliance: your convention, recorded with the run',
      partialAs,
      'partial' as const,
    )
    .option(
      '--calibration <file>',
      "map the judge's confidence to observed accuracy (a file from `refusal-drill calibrate`), recorded with the run",
    )
    .option('--mutate <families>', 'mutator families: all, or a comma list (compositions with +)', list)
    .option('--attacker <spec>', 'target that generates paraphrases, translations and adaptive attacks')
    .option(
      '--adaptive [turns]',
      'add an adaptive crescendo attack per intent, driven by --attacker (turn budget, default 8)',
      positiveInt('--adaptive'),
    )
    .option('--seed <n>', 'seed for mutations and sampling', nonNegativeInt('--seed'), 0)
    .option('--temperature <t>', 'sampling temperature', number('--temperature', 0, 2))
    .option('--max-tokens <n>', 'max tokens per response', positiveInt('--max-tokens'))
    .option('--out <dir>', 'where to write results.jsonl, scorecard.json and reports (default .refusal-drill/runs/<run-id>)')
    .option('--db <file|url>', 'SQLite store, or a team Postgres URL (else REFUSAL_DRILL_DB)', DEFAULT_DB)
    .option('--no-cache', 'do not reuse cached responses')
    .option('--resume <run-id>', 'finish an interrupted run')
    .option('--audit <audit.json>', 'add a contamination audit section to the HTML report')
    .option('--gate [policy]', 'apply the deploy gate (default policy, or a YAML policy file); exit 1 when it fails')
    .option(
      '--queue',
      'team mode: enqueue the cases on the Postgres --db for `refusal-drill worker`s, follow progress, then write the scorecard',
    )
    .option(
      '--job-timeout <s>',
      'with --queue: seconds a worker may hold one case before another takes it over (default 300)',
      positiveInt('--job-timeout'),
    )
    .option('--config <file>', 'a config file (refusal-drill.config.mjs with defineConfig, JSON or YAML); flags override it')
    .action(async (packs: string[], opts: RunOptions, cmd: Command) => {
      const given = opts.config ? await applyConfig(opts.config, packs, opts, cmd) : { refs: packs, opts };
      done(await runCommand(given.refs, given.opts, ctx));
    });
};

async function runCommand(refs: string[], o: RunOptions, ctx: CliContext): Promise<number> {
  if (o.resume && o.calibration)
    throw new UsageError('--calibration cannot change a run being resumed: it goes on with the calibration it started with');
  if (o.queue || isPostgresUrl(resolveDbRef({ flag: o.db, env: ctx.env }))) {
    // Team mode's libraries (pg, pg-boss, kysely) load only when it is used.
    const { runQueued } = await import('./run-queued.js');
    return runQueued(refs, o, ctx);
  }
  const policy = o.gate === undefined || o.gate === false ? undefined : loadGatePolicy(typeof o.gate === 'string' ? o.gate : undefined);
  const store = openStore(o.db);
  try {
    const existing = o.resume ? store.getRun(o.resume) : undefined;
    if (o.resume && !existing)
      throw new InputError(`no run "${o.resume}" in ${store.path} (list them with: refusal-drill runs --db ${o.db})`);
    const packRefs = existing ? (existing.options.packRefs ?? existing.packs) : refs;
    if (packRefs.length === 0)
      throw new UsageError(
        'run needs at least one pack file or built-in pack name, e.g. `refusal-drill run xstest --target replay:xstest/gpt4`',
      );
    const targetSpec = o.target ?? existing?.options.targetSpec;
    if (!targetSpec) throw new UsageError('--target is required, e.g. --target openai:gpt-4o-mini or --target replay:xstest/gpt4');
    const packs = packRefs.map((r) => resolvePack(r));
    const settings: TargetSettings = {
      baseUrl: o.baseUrl ?? existing?.options.baseUrl,
      configFile: o.targetConfig ?? existing?.options.targetConfig,
      env: ctx.env,
      concurrency: o.concurrency,
      rpm: o.rpm,
      timeoutMs: o.timeout,
      retries: o.retries,
    };
    const target = createTarget(targetSpec, settings);
    const attackerSpec = o.attacker ?? existing?.options.attacker;
    const attacker = attackerSpec
      ? withCache(createTarget(attackerSpec, { ...settings, baseUrl: undefined, configFile: undefined }), store)
      : undefined;
    const progress = createProgress({ isTTY: ctx.isTTY, write: (s) => process.stderr.write(s) });
    let run: RunRecord;
    if (existing) {
      run = existing;
    } else {
      const planned = await planNewRun({
        o,
        packs,
        packRefs,
        target,
        targetSpec,
        baseUrl: settings.baseUrl,
        targetConfig: settings.configFile,
        attacker,
        attackerSpec,
        marks: store.auditMarks(),
        signal: ctx.signal,
        notice: (message) => progress({ type: 'notice', message }),
      });
      run = planned.run;
      store.createRun(run, planned.cases);
    }
    const judge = buildJudge(run.options.judge, { env: ctx.env, partialAs: run.options.partialAs, calibration: run.options.calibration });
    const lookup = caseContextLookup(packs);
    let outcome;
    try {
      outcome = await runDrill({
        store,
        run,
        target: run.options.cache ? withCache(target, store) : target,
        judge,
        context: (c) => lookup(c.packId, c.principleId, c.intentId),
        concurrency: o.concurrency,
        attacker,
        signal: ctx.signal,
        onEvent: progress,
      });
    } finally {
      await target.close?.();
      await attacker?.close?.();
    }
    if (outcome.interrupted) {
      ctx.err(
        `run ${run.id} stopped: ${run.caseCount - outcome.pending} of ${run.caseCount} cases stored in ${store.path}. Finish it with: refusal-drill run --resume ${run.id}${o.db === DEFAULT_DB ? '' : ` --db ${o.db}`}`,
      );
      return EXIT.interrupted;
    }
    return finishRun({ run: outcome.run, results: store.results(run.id), out: o.out, policy, audit: o.audit, storePath: store.path, ctx });
  } finally {
    store.close();
  }
}
