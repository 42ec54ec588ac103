import { buildJudge } from '../cli/build-judge.js';
import { planNewRun } from '../cli/plan-run.js';
import { writeRunDir } from '../cli/write-run-dir.js';
import { DEFAULT_JUDGE } from '../judges/create-judge.js';
import { collapsePartial } from '../judges/collapse-partial.js';
import type { GateResult } from '../metrics/gate-result.js';
import { evaluateGate, loadGatePolicy } from '../metrics/gate.js';
import type { Scorecard } from '../metrics/scorecard-types.js';
import { buildScorecard } from '../metrics/scorecard.js';
import { resolvePack } from '../packs/index.js';
import { renderReport } from '../report/render.js';
import { caseContextLookup } from '../run/case-context.js';
import { withCache } from '../run/cached-target.js';
import { runDrill as runPending } from '../run/runner.js';
import { EXIT, InputError, packSchema, type CaseResult, type Pack, type RunEventListener, type RunRecord } from '../spec/index.js';
import { DEFAULT_DB, openStore } from '../store/index.js';
import { createTarget, type TargetSettings } from '../targets/create-target.js';
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
 * Runs a drill as `refusal-drill run` does — plan, ask, judge, store in SQLite, score — and returns
 * the results and the scorecard instead of printing them. Errors are the CLI's named errors
 * (InputError, UsageError, TargetError, StoreError), each with its exit code.
 */
export async function runDrill(config: DrillConfig, options: RunDrillOptions = {}): Promise<DrillOutcome> {
  const c = checkConfig(config, 'runDrill config');
  const env = options.env ?? process.env;
  const policy = c.gate === undefined || c.gate === false ? undefined : loadGatePolicy(typeof c.gate === 'string' ? c.gate : undefined);
  const packs = c.packs.map(packOf);
  const settings: TargetSettings = {
    baseUrl: c.baseUrl,
    configFile: c.targetConfig,
    env,
    concurrency: c.concurrency,
    rpm: c.rpm,
    timeoutMs: c.timeoutMs,
    retries: c.retries,
  };
  const target = typeof c.target === 'string' ? createTarget(c.target, settings) : c.target;
  const emit: RunEventListener = options.onEvent ?? (() => {});
  const store = openStore(c.db ?? DEFAULT_DB);
  const signal = options.signal ?? new AbortController().signal;
  try {
    const attackerTarget =
      typeof c.attacker === 'string' ? createTarget(c.attacker, { ...settings, baseUrl: undefined, configFile: undefined }) : c.attacker;
    const attacker = attackerTarget ? withCache(attackerTarget, store) : undefined;
    let run = options.resume ? store.getRun(options.resume) : undefined;
    if (options.resume && !run) throw new InputError(`no run "${options.resume}" in ${store.path}`);
    if (!run) {
      const planned = await planNewRun({
        o: {
          samples: c.samples ?? 1,
          concurrency: c.concurrency ?? 8,
          judge: typeof c.judge === 'object' ? c.judge.id : (c.judge ?? DEFAULT_JUDGE),
          partialAs: c.partialAs,
          mutate: c.mutate,
          adaptive: c.adaptive,
          seed: c.seed ?? 0,
          cache: c.cache ?? true,
          temperature: c.temperature,
          maxTokens: c.maxTokens,
        },
        packs,
        packRefs: c.packs.map((p, i) => (typeof p === 'string' ? p : (packs[i]?.id ?? ''))),
        target,
        targetSpec: typeof c.target === 'string' ? c.target : target.id,
        baseUrl: c.baseUrl,
        targetConfig: c.targetConfig,
        attacker,
        attackerSpec: typeof c.attacker === 'string' ? c.attacker : attacker?.id,
        marks: store.auditMarks(),
        signal,
        notice: (message) => emit({ type: 'notice', message }),
      });
      run = planned.run;
      store.createRun(run, planned.cases);
    }
    const judge =
      typeof c.judge === 'object'
        ? collapsePartial(c.judge, run.options.partialAs ?? 'partial')
        : buildJudge(run.options.judge, { env, partialAs: run.options.partialAs, calibration: run.options.calibration });
    const lookup = caseContextLookup(packs);
    let outcome;
    try {
      outcome = await runPending({
        store,
        run,
        target: run.options.cache ? withCache(target, store) : target,
        judge,
        context: (x) => lookup(x.packId, x.principleId, x.intentId),
        concurrency: c.concurrency ?? 8,
        attacker,
        signal,
        onEvent: emit,
      });
    } finally {
      await target.close?.();
      await attackerTarget?.close?.();
    }
    const results = store.results(run.id);
    const scorecard = buildScorecard({ run: outcome.run, results });
    const gate = policy ? evaluateGate(scorecard, policy) : null;
    if (c.out) {
      const input = { scorecard, results, gate: gate ?? undefined };
      writeRunDir(c.out, outcome.run, results, {
        'scorecard.json': renderReport('json', input),
        'report.md': renderReport('md', input),
        'report.html': renderReport('html', input),
        'junit.xml': renderReport('junit', input),
      });
    }
    const allFailed = results.length > 0 && results.every((r) => r.judgement.verdict === 'error');
    const exitCode = outcome.interrupted ? EXIT.interrupted : allFailed ? EXIT.target : gate && !gate.passed ? EXIT.gateFailed : EXIT.ok;
    return { run: outcome.run, results, scorecard, gate, interrupted: outcome.interrupted, exitCode };
  } finally {
    store.close();
  }
}

function packOf(p: DrillConfig['packs'][number], i: number): Pack {
  if (typeof p === 'string') return resolvePack(p);
  const parsed = packSchema.safeParse(p);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InputError(
    `runDrill config: packs[${i}]${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'not a pack'}`,
  );
}
