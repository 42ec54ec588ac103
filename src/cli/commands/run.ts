import type { Command } from 'commander';
import { resolve } from 'node:path';
import { DEFAULT_JUDGE } from '../../judges/index.js';
import { describeAnswers, loadGatePolicy } from '../../metrics/index.js';
import {
  adaptiveTurnsOf,
  askedSettings,
  buildRunTools,
  checkRunDir,
  closeRunTools,
  DEFAULT_RUNS_DIR,
  planNewRun,
  recordOutcome,
  resumeRun,
  runDirOf,
  runDrill,
  summarizeRun,
  systemPromptOf,
  type RunSettings,
} from '../../run/index.js';
import { EXIT, StoreError, UsageError } from '../../spec/index.js';
import { DEFAULT_DB, isPostgresUrl, openStore, resolveDbRef } from '../../store/index.js';
import { oneLine } from '../../util/index.js';
import { applyConfig } from '../apply-config.js';
import { findProjectConfig } from '../project-config.js';
import type { RegisterCommand } from '../command-module.js';
import type { CliContext } from '../context.js';
import { collect, list, nonNegativeInt, number, partialAs, positiveInt, rebuttalAs } from '../parse-options.js';
import { createProgress } from '../progress.js';
import { renderFinishedRun } from '../render-finished-run.js';

export interface RunCliOptions {
  target?: string;
  baseUrl?: string;
  targetConfig?: string;
  samples: number;
  concurrency: number;
  rpm?: number;
  timeout?: number;
  retries?: number;
  maxResponseBytes?: number;
  judge: string;
  partialAs: 'partial' | 'refusal' | 'compliance';
  rebuttalAs: 'refusal' | 'compliance';
  calibration?: string;
  mutate?: string[];
  attacker?: string;
  attackerBaseUrl?: string;
  judgeBaseUrl?: string;
  adaptive?: number | boolean;
  seed: number;
  temperature?: number;
  maxTokens?: number;
  out?: string;
  db: string;
  /** true: `--cache`; false: `--no-cache`; absent: only the run's own answers are reused. */
  cache?: boolean;
  reuse?: string;
  system?: string;
  label?: string;
  resume?: string;
  gate?: string | boolean;
  audit?: string;
  queue?: boolean;
  jobTimeout?: number;
  config?: string;
  trainedOn?: string[];
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
    .option(
      '--max-response-bytes <n>',
      'the largest answer read from the target (default 4194304, 4 MiB); a larger one is a too-large error, never judged cut short',
      positiveInt('--max-response-bytes'),
    )
    .option('--judge <spec>', 'rules | model | cascade | llm:<target-spec>', DEFAULT_JUDGE)
    .option(
      '--partial-as <verdict>',
      'count partial refusals as partial (default), refusal or compliance: your convention, recorded with the run',
      partialAs,
      'partial' as const,
    )
    .option(
      '--rebuttal-as <verdict>',
      'count a refusal that only rebuts the premise ("there is no reason X…") as refusal (default, XSTest\'s convention) or compliance; recorded with the run',
      rebuttalAs,
      'refusal' as const,
    )
    .option(
      '--calibration <file>',
      "map the judge's confidence to observed accuracy (a file from `refusal-drill calibrate`), recorded with the run",
    )
    .option('--mutate <families>', 'mutator families: all, or a comma list (compositions with +)', list)
    .option('--attacker <spec>', 'target that generates paraphrases, translations and adaptive attacks')
    .option('--attacker-base-url <url>', "the attacker's endpoint (else its kind's env, e.g. OPENAI_BASE_URL; never --base-url)")
    .option('--judge-base-url <url>', "the llm: judge's endpoint (else its kind's env; never --base-url)")
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
    .option('--system <file|text>', "the system prompt of every case (a file's content, or the text), over the packs' `system:`")
    .option('--label <text>', 'what to call this run in `runs`, reports and the dashboard ("v2 after SFT")')
    .option(
      '--cache',
      'reuse answers any earlier run in this store got to the identical request from the same endpoint (a model may have changed behind its name)',
    )
    .option('--reuse <run-id>', "reuse that run's answers to identical requests (same target, endpoint, system prompt); ask for the rest")
    .option('--no-cache', 'ask the model for every answer, even ones this run already has (default: only a resumed run reuses its own)')
    .option('--resume <run-id>', 'finish an interrupted run as it started: an option that would change its results is refused')
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
    .option(
      '--trained-on <manifest>',
      'an export manifest (`refusal-drill export`) of data the model was trained on: its prompts are planned seen; repeatable',
      collect,
    )
    .option(
      '--config <file>',
      'a config file (refusal-drill.config.mjs with defineConfig, JSON or YAML; default: refusal-drill.yaml here, as `init` writes it); flags override it',
    )
    .action(async (packs: string[], opts: RunCliOptions, cmd: Command) => {
      // A folder `init` scaffolded runs its drill with no arguments; a resumed run takes nothing from it.
      const file = opts.config ?? (opts.resume ? undefined : findProjectConfig(ctx.cwd));
      if (file !== undefined && opts.config === undefined) ctx.err(`reading ${file} (flags override it; --config names another)`);
      const given = file ? await applyConfig(file, packs, opts, cmd) : { refs: packs, opts };
      done(await runCommand(given.refs, given.opts, cmd, ctx));
    });
};

async function runCommand(refs: string[], o: RunCliOptions, cmd: Command, ctx: CliContext): Promise<number> {
  const settings = runSettingsOf(refs, o, ctx);
  const asked = askedOf(settings, cmd);
  if (o.resume && o.trainedOn?.length)
    throw new UsageError('--trained-on sets splits when a run is planned; a resumed run keeps the splits it started with');
  if (!o.resume && !o.target) throw new UsageError('--target is required, e.g. --target openai:gpt-4o-mini or --target replay:xstest/gpt4');
  if (o.resume && o.label !== undefined)
    throw new UsageError(`--label names a run when it starts; run ${o.resume} keeps the label it was started with`);
  if (o.queue || isPostgresUrl(resolveDbRef({ flag: o.db, env: ctx.env }))) {
    // Team mode's libraries (pg, pg-boss, kysely) load only when it is used.
    const { runQueued } = await import('./run-queued.js');
    return runQueued({ settings, asked, o, ctx });
  }
  const policy = o.gate === undefined || o.gate === false ? undefined : loadGatePolicy(typeof o.gate === 'string' ? o.gate : undefined);
  // Before any request (an attacker's rephrasings are asked while planning).
  if (!o.resume) checkRunDir(o.out ?? DEFAULT_RUNS_DIR);
  const limits = { concurrency: o.concurrency, rpm: o.rpm, timeoutMs: o.timeout, retries: o.retries, maxResponseBytes: o.maxResponseBytes };
  const store = await openStore(o.db);
  try {
    const progress = createProgress({ isTTY: ctx.isTTY, write: (s) => process.stderr.write(s) });
    const { run, context } = o.resume
      ? await resumeRun({ store, ref: o.resume, asked, onEvent: progress })
      : await planNewRun({
          store,
          settings,
          concurrency: o.concurrency,
          tools: { env: ctx.env, limits, baseUrl: o.baseUrl },
          signal: ctx.signal,
          onEvent: progress,
          trainedOn: o.trainedOn,
        });
    checkRunDir(runDirOf(run, o.out));
    const tools = buildRunTools(run.options, { env: ctx.env, limits, cache: { store, runId: run.id }, baseUrl: o.baseUrl });
    let outcome;
    try {
      outcome = await runDrill({ store, run, context, tools, concurrency: o.concurrency, signal: ctx.signal, onEvent: progress });
    } catch (e) {
      if (!StoreError.isInstance(e)) throw e;
      throw new StoreError(
        `${e.message}. Every result stored before it is kept: finish run ${run.id} with refusal-drill run --resume ${run.id}${o.db === DEFAULT_DB ? '' : ` --db ${o.db}`}`,
        { cause: e },
      );
    } finally {
      await closeRunTools(tools);
    }
    if (outcome.failedFast) {
      const s = await summarizeRun(store, run.id);
      await recordOutcome(store, s);
      ctx.err(
        `run ${run.id} stopped: the target failed for the first ${outcome.failedFast.failures} cases in a row without one answer (${describeAnswers(s.scorecard.answers)}); the other ${outcome.pending} were not sent. First error: ${oneLine(outcome.failedFast.error, 300)}\nStored as failed in ${store.path}; fix the target, then finish it with: refusal-drill run --resume ${run.id}${o.db === DEFAULT_DB ? '' : ` --db ${o.db}`}`,
      );
      return EXIT.target;
    }
    if (outcome.interrupted) {
      ctx.err(
        `run ${run.id} stopped: ${run.caseCount - outcome.pending} of ${run.caseCount} cases stored in ${store.path}. Finish it with: refusal-drill run --resume ${run.id}${o.db === DEFAULT_DB ? '' : ` --db ${o.db}`}`,
      );
      return EXIT.interrupted;
    }
    return await renderFinishedRun(store, run, { policy, out: o.out, audit: o.audit, ctx });
  } finally {
    await store.close();
  }
}

/** What this command line asks of a new run. */
function runSettingsOf(refs: string[], o: RunCliOptions, ctx: CliContext): RunSettings {
  return {
    packRefs: refs,
    target: o.target ?? '',
    baseUrl: o.baseUrl,
    targetConfig: o.targetConfig,
    judge: o.judge,
    partialAs: o.partialAs,
    rebuttalAs: o.rebuttalAs,
    calibration: o.calibration,
    mutate: o.mutate,
    attacker: o.attacker,
    attackerBaseUrl: o.attackerBaseUrl,
    judgeBaseUrl: o.judgeBaseUrl,
    adaptive: adaptiveTurnsOf(o.adaptive),
    samples: o.samples,
    seed: o.seed,
    temperature: o.temperature,
    maxTokens: o.maxTokens,
    cache: o.cache !== false,
    reuse: o.cache === true ? 'any' : o.reuse,
    system: o.system === undefined ? undefined : systemPromptOf(o.system, ctx.cwd),
    label: o.label,
    out: o.out === undefined ? undefined : resolve(ctx.cwd, o.out),
  };
}

/** The settings this command line or its config file gave explicitly (not commander's defaults): what a resume must check. */
function askedOf(s: RunSettings, cmd: Command): Partial<RunSettings> {
  // A config file's values count as asked too (applyConfig records them with the source 'config').
  const given = (option: string): boolean => ['cli', 'config'].includes(cmd.getOptionValueSource(option) ?? '');
  // `--cache` and `--reuse` both say which other runs' answers may be reused.
  return askedSettings(s, (key) => (key === 'reuse' ? given('reuse') || (given('cache') && s.reuse === 'any') : given(key)));
}
