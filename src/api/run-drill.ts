import { resolve } from 'node:path';
import { DEFAULT_JUDGE } from '../judges/index.js';
import { loadGatePolicy, type GateResult, type Scorecard } from '../metrics/index.js';
import { checkPackMutators } from '../mutators/index.js';
import { resolvePack } from '../packs/index.js';
import { createReportCases, runDirFiles } from '../report/index.js';
import {
  adaptiveTurnsOf,
  askedSettings,
  buildRunTools,
  checkRunDir,
  closeRunTools,
  finishedExitCode,
  planNewRun,
  recordOutcome,
  resumeRun,
  runDrill as runPending,
  summarizeRun,
  resultsFileOf,
  systemPromptOf,
  writeRunDir,
  type GivenTools,
  type RunSettings,
} from '../run/index.js';
import {
  EXIT,
  InputError,
  packSchema,
  UsageError,
  type CaseResult,
  type Pack,
  type RunEventListener,
  type RunRecord,
} from '../spec/index.js';
import { DEFAULT_DB, openStore } from '../store/index.js';
import type { DrillConfig } from './drill-config.js';
import { checkConfig } from './load-config.js';

export interface RunDrillOptions {
  /** Stops the drill cleanly: what finished is stored, and `resume` finishes it later. */
  signal?: AbortSignal;
  /** Progress: run-start, case-end, notice, retry, run-end. Nothing is printed. */
  onEvent?: RunEventListener;
  /** Where API keys and base URLs are read from (default process.env); never stored. */
  env?: Record<string, string | undefined>;
  /** Finish an interrupted run of the same store, by id. */
  resume?: string;
}

export interface DrillOutcome {
  run: RunRecord;
  results: CaseResult[];
  scorecard: Scorecard;
  /** The gate's verdict when `gate` was asked for, else null. */
  gate: GateResult | null;
  interrupted: boolean;
  /** What the CLI would exit with: 0, 1 (gate failed), 4 (every case failed at the target), 130 (interrupted). */
  exitCode: number;
}

/**
 * Runs a drill as `refusal-drill run` does, through the same engine (src/run) — plan, ask, judge,
 * store in SQLite, score — and returns the results and the scorecard instead of printing them.
 * A resumed run goes on with the options it started with: a config field that would change its
 * results is refused, as on the CLI. Errors are the CLI's named errors (InputError, UsageError,
 * TargetError, StoreError), each with its exit code.
 */
export async function runDrill(config: DrillConfig, options: RunDrillOptions = {}): Promise<DrillOutcome> {
  const c = checkConfig(config, 'runDrill config');
  const env = options.env ?? process.env;
  if (options.resume && c.trainedOn?.length)
    throw new UsageError('trainedOn sets splits when a run is planned; a resumed run keeps the splits it started with');
  const policy = c.gate === undefined || c.gate === false ? undefined : loadGatePolicy(typeof c.gate === 'string' ? c.gate : undefined);
  const packs = c.packs.map(packOf);
  const settings = settingsOf(c, packs);
  const given: GivenTools = {
    target: typeof c.target === 'string' ? undefined : c.target,
    attacker: typeof c.attacker === 'object' ? c.attacker : undefined,
    judge: typeof c.judge === 'object' ? c.judge : undefined,
  };
  const limits = {
    concurrency: c.concurrency,
    rpm: c.rpm,
    timeoutMs: c.timeoutMs,
    retries: c.retries,
    maxResponseBytes: c.maxResponseBytes,
  };
  const concurrency = c.concurrency ?? 8;
  const signal = options.signal ?? new AbortController().signal;
  if (c.out !== undefined) checkRunDir(c.out);
  const store = await openStore(c.db ?? DEFAULT_DB);
  try {
    const { run, context } = options.resume
      ? await resumeRun({
          store,
          ref: options.resume,
          asked: askedSettings(settings, (key) => key in c && c[key as keyof DrillConfig] !== undefined),
          onEvent: options.onEvent,
        })
      : await planNewRun({
          store,
          settings,
          packs,
          concurrency,
          tools: { env, limits, given, baseUrl: c.baseUrl },
          signal,
          onEvent: options.onEvent,
          trainedOn: c.trainedOn,
        });
    const dir = c.out ?? run.options.out;
    if (dir !== undefined) checkRunDir(dir);
    const tools = buildRunTools(run.options, { env, limits, cache: { store, runId: run.id }, given, baseUrl: c.baseUrl });
    let outcome;
    try {
      outcome = await runPending({ store, run, context, tools, concurrency, signal, onEvent: options.onEvent });
    } finally {
      await closeRunTools(tools);
      await given.target?.close?.();
      await given.attacker?.close?.();
    }
    const out = c.out ?? run.options.out;
    const cases = createReportCases();
    const summarized = await summarizeRun(store, run.id, {
      policy,
      resultsFile: out ? resultsFileOf(out) : undefined,
      each: (r) => cases.add(r),
    });
    // A run that stopped early because its target never answered is finished too (stored as failed).
    const summary = outcome.interrupted ? summarized : { ...summarized, run: await recordOutcome(store, summarized, { policy }) };
    if (out) writeRunDir(out, summary.run, runDirFiles({ scorecard: summary.scorecard, gate: summary.gate, cases: cases.finish() }));
    return {
      run: summary.run,
      // the library hands its caller every result, as it always has; the CLI never holds them all
      results: await store.results(run.id),
      scorecard: summary.scorecard,
      gate: summary.gate ?? null,
      interrupted: outcome.interrupted,
      exitCode: outcome.failedFast ? EXIT.target : outcome.interrupted ? EXIT.interrupted : finishedExitCode(summary),
    };
  } finally {
    await store.close();
  }
}

/** The run's settings from a config: a `Target`, `Judge` or pack object is recorded by its id. */
function settingsOf(c: DrillConfig, packs: Pack[]): RunSettings {
  const idOf = (x: string | { id: string } | undefined): string | undefined => (typeof x === 'object' ? x.id : x);
  return {
    packRefs: c.packs.map((p, i) => (typeof p === 'string' ? p : (packs[i]?.id ?? ''))),
    target: idOf(c.target) ?? '',
    baseUrl: c.baseUrl,
    targetConfig: c.targetConfig,
    judge: idOf(c.judge) ?? DEFAULT_JUDGE,
    partialAs: c.partialAs,
    rebuttalAs: c.rebuttalAs,
    mutate: c.mutate,
    attacker: idOf(c.attacker),
    attackerBaseUrl: c.attackerBaseUrl,
    judgeBaseUrl: c.judgeBaseUrl,
    adaptive: adaptiveTurnsOf(c.adaptive),
    samples: c.samples ?? 1,
    seed: c.seed ?? 0,
    temperature: c.temperature,
    maxTokens: c.maxTokens,
    cache: c.cache !== false,
    reuse: c.cache === true ? 'any' : c.reuse,
    system: c.system === undefined ? undefined : systemPromptOf(c.system, process.cwd()),
    label: c.label,
    out: c.out === undefined ? undefined : resolve(c.out),
  };
}

function packOf(p: DrillConfig['packs'][number], i: number): Pack {
  if (typeof p === 'string') return resolvePack(p, { checks: [checkPackMutators] });
  const parsed = packSchema.safeParse(p);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InputError(
    `runDrill config: packs[${i}]${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'not a pack'}`,
  );
}
