import { checkCalibrationFits, loadCalibration } from '../judges/index.js';
import { mutate } from '../mutators/index.js';
import { resolvePack } from '../packs/index.js';
import {
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
import { planCases } from './plan.js';
import { snapshotContext } from './run-context.js';
import { loadTrainedOn, trainedOnCases } from './trained-on.js';
import { newRunId } from './run-id.js';
import { runOptionsOf, type RunSettings } from './run-settings.js';
import { buildTargets, closeRunTools, type ToolSettings } from './run-tools.js';

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
  const packs = o.packs ?? s.packRefs.map((r) => resolvePack(r));
  const calibration = s.calibration ? loadCalibration(s.calibration) : undefined;
  if (calibration) checkCalibrationFits(s.judge, calibration);
  if (s.adaptive !== undefined && !s.attacker)
    throw new UsageError('--adaptive needs --attacker <target-spec>: the attacker model writes each escalating turn');
  const options = runOptionsOf(s, { concurrency: o.concurrency, calibration });
  // The target names the run; the attacker writes generative mutations (cached like the run's answers).
  const tools = buildTargets(options, { ...o.tools, cache: o.store });
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
      id: newRunId(),
      target: tools.target.id,
      packs: packs.map((p) => p.id),
      options,
      status: 'running',
      caseCount: plan.cases.length,
      createdAt: new Date().toISOString(),
      finishedAt: null,
    };
    const context = snapshotContext(packs);
    await o.store.createRun(run, plan.cases, context);
    return { run, context, cases: plan.cases };
  } finally {
    await closeRunTools(tools);
  }
}
