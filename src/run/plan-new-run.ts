import { checkCalibrationFits, loadCalibration } from '../judges/index.js';
import { resolvePack } from '../packs/index.js';
import {
  InputError,
  RUN_FORMAT_VERSION,
  UsageError,
  type DrillCase,
  type Pack,
  type RunContext,
  type RunEventListener,
  type RunRecord,
  type Split,
} from '../spec/index.js';
import type { Store } from '../store/index.js';
import { sha256 } from '../util/index.js';
import { buildJudge } from './build-judge.js';
import { findRun } from './find-run.js';
import { planCases } from './plan.js';
import { snapshotContext } from './run-context.js';
import { loadTrainedOn, trainedOnCases } from './trained-on.js';
import { newRunId } from './run-id.js';
import { runOptionsOf, type RunSettings } from './run-settings.js';
import { buildTargets, closeRunTools, type ToolSettings } from './run-tools.js';

/** Samples per case a run may ask for; beyond it a typo (`--samples 1e9`) would plan cases until memory ran out. */
export const MAX_SAMPLES = 100;

export interface PlanNewRunOptions {
  store: Store;
  settings: RunSettings;
  /** Stored with the run for the record; the requests in flight are this machine's choice. */
  concurrency: number;
  tools: Omit<ToolSettings, 'cache' | 'wrapTarget'>;
  /** The packs, loaded already, one per `settings.packRefs` (the library's pack objects); else the refs are resolved. */
  packs?: Pack[];
  signal?: AbortSignal;
  onEvent?: RunEventListener;
  /**
   * Export manifests (`refusal-drill export`) of data the model was trained on: every case that
   * sends one of their prompts is planned `seen`, over the pack's split and any audit mark.
   */
  trainedOn?: string[];
}

/**
 * Plans a new run and stores it: its cases (authored prompts, mutations, adaptive cases, audit
 * splits), its record and the judge's context snapshot. Nothing runs yet; the same stored run is
 * then dispatched here (`runDrill`) or to a team's workers.
 */
export async function planNewRun(o: PlanNewRunOptions): Promise<{ run: RunRecord; context: RunContext; cases: DrillCase[] }> {
  const s = o.settings;
  if (s.packRefs.length === 0)
    throw new UsageError(
      'run needs at least one pack file or built-in pack name, e.g. `refusal-drill run xstest --target replay:xstest/gpt4`',
    );
  if (!Number.isInteger(s.samples) || s.samples < 1 || s.samples > MAX_SAMPLES)
    throw new UsageError(
      `--samples must be a whole number from 1 to ${MAX_SAMPLES}, got ${s.samples}: each sample is a whole copy of every case (more than ${MAX_SAMPLES} measures nothing a rerun would not)`,
    );
  // Loaded here, not with the run module: `report`, `gate` and `compare` import the run module and never plan.
  const { checkPackMutators, mutate } = await import('../mutators/index.js');
  const packs = o.packs ?? s.packRefs.map((r) => resolvePack(r, { checks: [checkPackMutators] }));
  checkDistinctPackIds(packs, s.packRefs);
  const calibration = s.calibration ? loadCalibration(s.calibration) : undefined;
  if (calibration) checkCalibrationFits(s.judge, calibration);
  if (s.adaptive !== undefined && !s.attacker)
    throw new UsageError('--adaptive needs --attacker <target-spec>: the attacker model writes each escalating turn');
  const reuse = s.reuse === undefined || s.reuse === 'any' ? s.reuse : await reusedRunId(o.store, s.reuse);
  if (reuse !== undefined && !s.cache)
    throw new UsageError('--no-cache asks the model for every answer; it cannot be combined with --cache or --reuse');
  const options = runOptionsOf({ ...s, reuse }, { concurrency: o.concurrency, calibration });
  // An LLM judge's key and endpoint are checked before the run is stored (building it sends nothing).
  if (!o.tools.given?.judge && s.judge.includes('llm:')) buildJudge(s.judge, { env: o.tools.env, baseUrl: s.judgeBaseUrl });
  const id = newRunId();
  // The target names the run; the attacker writes generative mutations (kept and reused like the run's answers).
  const tools = buildTargets(options, { ...o.tools, cache: { store: o.store, runId: id } });
  try {
    const marks = await o.store.auditMarks();
    const trained = loadTrainedOn(o.trainedOn ?? []);
    const splitOverrides = new Map<string, Split>([...marks].map(([h, m]) => [h, m.status === 'contaminated' ? 'seen' : 'heldout']));
    for (const h of trained) splitOverrides.set(h, 'seen');
    const plan = await planCases({
      packs,
      adaptive: s.adaptive !== undefined,
      samples: s.samples,
      mutate: s.mutate,
      system: s.system,
      splitOverrides,
      expandMutations: (prompt, selection) => mutate(prompt, selection, { seed: s.seed, attacker: tools.attacker, signal: o.signal }),
    });
    for (const message of plan.notices) o.onEvent?.({ type: 'notice', message });
    if (o.trainedOn?.length) {
      const n = trainedOnCases(plan.cases, trained).length;
      o.onEvent?.({
        type: 'notice',
        message: `${n} of ${plan.cases.length} cases send a prompt the model was trained on (${o.trainedOn.join(', ')}): planned as seen`,
      });
    }
    const run: RunRecord = {
      formatVersion: RUN_FORMAT_VERSION,
      id,
      target: tools.target.id,
      packs: packs.map((p) => p.id),
      options,
      status: 'running',
      caseCount: plan.cases.length,
      createdAt: new Date().toISOString(),
      finishedAt: null,
      ...(s.label === undefined ? {} : { label: s.label }),
      ...systemHashOf(plan.cases),
    };
    const context = snapshotContext(packs);
    await o.store.createRun(run, plan.cases, context);
    return { run, context, cases: plan.cases };
  } finally {
    await closeRunTools(tools);
  }
}

/** `--reuse <ref>`: the full id of a stored run (a unique prefix or `latest` will do). */
async function reusedRunId(store: Store, ref: string): Promise<string> {
  return (await findRun(store, ref, 'run to --reuse')).id;
}

/** A short hash of the application contexts (system prompt and prefix) the cases send: runs that differ there show it. */
function systemHashOf(cases: DrillCase[]): { systemHash?: string } {
  const contexts = new Set<string>();
  for (const c of cases) if (c.system !== undefined || c.prefix) contexts.add(JSON.stringify([c.system ?? null, c.prefix ?? null]));
  return contexts.size === 0 ? {} : { systemHash: sha256([...contexts].sort().join('\n')).slice(0, 8) };
}

/** Case ids start with the pack id: two packs sharing one would store one result for two cases. */
function checkDistinctPackIds(packs: Pack[], refs: string[]): void {
  const seen = new Map<string, number>();
  packs.forEach((p, i) => {
    const before = seen.get(p.id);
    if (before !== undefined)
      throw new InputError(
        `packs ${refs[before] ?? before + 1} and ${refs[i] ?? i + 1} have the same id "${p.id}": case ids would collide; give one of them another id`,
      );
    seen.set(p.id, i);
  });
}
