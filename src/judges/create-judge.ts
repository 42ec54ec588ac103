import { UsageError, type Calibration, type Judge, type Target } from '../spec/index.js';
import { calibrateJudge } from './calibration/calibrated-judge.js';
import { createCascadeJudge } from './cascade-judge.js';
import { createLlmJudge } from './llm/llm-judge.js';
import { defaultModel } from './model/default-model.js';
import { loadWeights } from './model/weights-file.js';
import { createModelJudge } from './model/model-judge.js';
import { createRulesJudge } from './rules/rules-judge.js';

export { computeSignals } from './signals/compute-signals.js';

/** The best offline judge: the trained model with the rules' decision among its features. */
export const DEFAULT_JUDGE = 'cascade';

export const JUDGE_SPECS = [
  'rules',
  'model',
  'model:<weights.json>',
  'cascade',
  'cascade:<weights.json>',
  'cascade:llm:<target-spec>',
  'llm:<target-spec>',
] as const;

export interface JudgeDeps {
  /** Builds the LLM judge's target; the judges module never imports src/targets/ itself. */
  makeTarget?: (targetSpec: string) => Target;
  /**
   * A confidence map from `refusal-drill calibrate`. It applies to the judge it was fitted for:
   * the judge itself, or the LLM judge inside `cascade:llm:<spec>`; any other judge is a usage error.
   */
  calibration?: Calibration;
}

function llmJudge(targetSpec: string, deps: JudgeDeps | undefined, spec: string): Judge {
  if (!targetSpec) throw new UsageError(`--judge ${spec}: name the judge model's target after "llm:", e.g. llm:openai:gpt-4o-mini`);
  if (!deps?.makeTarget) throw new UsageError(`--judge ${spec}: an LLM judge needs a target, and none can be made here`);
  return createLlmJudge({ target: deps.makeTarget(targetSpec), id: `llm:${targetSpec}` });
}

/** `rules` | `model[:<weights>]` | `cascade[:<weights>]` | `cascade:llm:<target-spec>` | `llm:<target-spec>`. */
export function createJudge(spec: string, deps?: JudgeDeps): Judge {
  if (deps?.calibration) checkCalibrationFits(spec, deps.calibration);
  const judge = uncalibrated(spec, deps);
  // Inside `cascade:llm:<spec>` the map was applied to the LLM judge already.
  return deps?.calibration?.judge === judge.id ? calibrateJudge(judge, deps.calibration) : judge;
}

/** The judge ids a calibration for this spec may name: the judge's own, or its LLM judge's inside a cascade. */
export function calibratableIds(spec: string): string[] {
  const s = spec.trim();
  if (s.startsWith('cascade:llm:')) return [s, s.slice('cascade:'.length)];
  if (s.startsWith('model')) return ['model'];
  if (s.startsWith('cascade')) return ['cascade'];
  return [s];
}

/** A calibration fitted for another judge would map confidences it never measured: a usage error, before anything runs. */
export function checkCalibrationFits(spec: string, c: Pick<Calibration, 'judge'>): void {
  if (calibratableIds(spec).includes(c.judge)) return;
  throw new UsageError(
    `the calibration was fitted for judge "${c.judge}" and cannot map the confidence of --judge ${spec}; fit one for it with refusal-drill calibrate --judge ${spec}`,
  );
}

function uncalibrated(spec: string, deps: JudgeDeps | undefined): Judge {
  const s = spec.trim();
  if (s === 'rules') return createRulesJudge();
  if (s === 'model') return createModelJudge(defaultModel());
  if (s === 'cascade') return createCascadeJudge({ model: defaultModel() });
  if (s.startsWith('cascade:llm:')) {
    const llm = llmJudge(s.slice('cascade:llm:'.length), deps, s);
    // The cascade's offline confidence picks the band; the map is for the LLM judge's self-report.
    return createCascadeJudge({
      model: defaultModel(),
      llm: deps?.calibration?.judge === llm.id ? calibrateJudge(llm, deps.calibration) : llm,
    });
  }
  if (s.startsWith('llm:')) return llmJudge(s.slice('llm:'.length), deps, s);
  // Weights retrained by `npm run judge:train -- --out <file>` (e.g. with a source held out).
  if (s.startsWith('model:')) return createModelJudge(loadWeights(s.slice('model:'.length)));
  if (s.startsWith('cascade:')) return createCascadeJudge({ model: loadWeights(s.slice('cascade:'.length)) });
  throw new UsageError(`unknown judge "${spec}"; use one of: ${JUDGE_SPECS.join(', ')}`);
}
