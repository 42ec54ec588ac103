import { loadCalibration } from '../judges/calibration/calibration-file.js';
import { checkCalibrationFits } from '../judges/create-judge.js';
import { mutate } from '../mutators/mutate.js';
import { planCases } from '../run/plan.js';
import { RUN_FORMAT_VERSION, UsageError, type DrillCase, type Pack, type RunRecord, type Split, type Target } from '../spec/index.js';
import type { AuditMark } from '../store/index.js';
import { newRunId } from './run-id.js';

/** The options of `run` that shape a new run's plan and record (local and queued runs alike). */
export interface PlanRunOptions {
  samples: number;
  concurrency: number;
  judge: string;
  partialAs?: 'partial' | 'refusal' | 'compliance';
  /** A calibration file; its content is stored with the run. */
  calibration?: string;
  mutate?: string[];
  adaptive?: number | boolean;
  seed: number;
  cache: boolean;
  temperature?: number;
  maxTokens?: number;
}

export interface PlanRunInput {
  o: PlanRunOptions;
  packs: Pack[];
  packRefs: string[];
  target: Target;
  targetSpec: string;
  baseUrl?: string;
  targetConfig?: string;
  attacker?: Target;
  attackerSpec?: string;
  marks: Map<string, AuditMark>;
  signal: AbortSignal;
  notice: (message: string) => void;
}

/** Plans a new run's cases (mutations, adaptive cases, audit splits) and builds its record. */
export async function planNewRun(i: PlanRunInput): Promise<{ run: RunRecord; cases: DrillCase[] }> {
  const { o } = i;
  const calibration = o.calibration ? loadCalibration(o.calibration) : undefined;
  if (calibration) checkCalibrationFits(o.judge, calibration);
  const splitOverrides = new Map<string, Split>([...i.marks].map(([h, m]) => [h, m.status === 'contaminated' ? 'seen' : 'heldout']));
  const adaptiveTurns = o.adaptive === undefined || o.adaptive === false ? undefined : o.adaptive === true ? 8 : o.adaptive;
  if (adaptiveTurns && !i.attacker)
    throw new UsageError('--adaptive needs --attacker <target-spec>: the attacker model writes each escalating turn');
  const plan = await planCases({
    packs: i.packs,
    adaptive: adaptiveTurns !== undefined,
    samples: o.samples,
    mutate: o.mutate,
    splitOverrides,
    expandMutations: (prompt, selection) => mutate(prompt, selection, { seed: o.seed, attacker: i.attacker, signal: i.signal }),
  });
  for (const message of plan.notices) i.notice(message);
  const run: RunRecord = {
    formatVersion: RUN_FORMAT_VERSION,
    id: newRunId(),
    target: i.target.id,
    packs: i.packs.map((p) => p.id),
    options: {
      samples: o.samples,
      concurrency: o.concurrency,
      judge: o.judge,
      mutate: o.mutate ?? [],
      seed: o.seed,
      cache: o.cache,
      ...(o.partialAs && o.partialAs !== 'partial' ? { partialAs: o.partialAs } : {}),
      ...(calibration ? { calibration } : {}),
      temperature: o.temperature,
      maxTokens: o.maxTokens,
      targetSpec: i.targetSpec,
      baseUrl: i.baseUrl,
      targetConfig: i.targetConfig,
      attacker: i.attackerSpec,
      packRefs: i.packRefs,
      adaptiveTurns,
    },
    status: 'running',
    caseCount: plan.cases.length,
    createdAt: new Date().toISOString(),
    finishedAt: null,
  };
  return { run, cases: plan.cases };
}
