import { UsageError, type Judge, type Target } from '../spec/index.js';
import { createCascadeJudge } from './cascade-judge.js';
import { createLlmJudge } from './llm/llm-judge.js';
import { defaultModel } from './model/default-model.js';
import { loadWeights } from './model/weights-file.js';
import { createModelJudge } from './model/model-judge.js';
import { createRulesJudge } from './rules/rules-judge.js';

export { computeSignals } from './signals/compute-signals.js';

/** The best offline judge: the trained model with the rules' decision among its features. */
export const DEFAULT_JUDGE = 'cascade';

export const JUDGE_SPECS = ['rules', 'model', 'model:<weights.json>', 'cascade', 'cascade:<weights.json>', 'cascade:llm:<target-spec>', 'llm:<target-spec>'] as const;

export interface JudgeDeps {
  /** Builds the LLM judge's target; the judges module never imports src/targets/ itself. */
  makeTarget?: (targetSpec: string) => Target;
}

function llmJudge(targetSpec: string, deps: JudgeDeps | undefined, spec: string): Judge {
  if (!targetSpec) throw new UsageError(`--judge ${spec}: name the judge model's target after "llm:", e.g. llm:openai:gpt-4o-mini`);
  if (!deps?.makeTarget) throw new UsageError(`--judge ${spec}: an LLM judge needs a target, and none can be made here`);
  return createLlmJudge({ target: deps.makeTarget(targetSpec), id: `llm:${targetSpec}` });
}

/** `rules` | `model[:<weights>]` | `cascade[:<weights>]` | `cascade:llm:<target-spec>` | `llm:<target-spec>`. */
export function createJudge(spec: string, deps?: JudgeDeps): Judge {
  const s = spec.trim();
  if (s === 'rules') return createRulesJudge();
  if (s === 'model') return createModelJudge(defaultModel());
  if (s === 'cascade') return createCascadeJudge({ model: defaultModel() });
  if (s.startsWith('cascade:llm:')) return createCascadeJudge({ model: defaultModel(), llm: llmJudge(s.slice('cascade:llm:'.length), deps, s) });
  if (s.startsWith('llm:')) return llmJudge(s.slice('llm:'.length), deps, s);
  // Weights retrained by `npm run judge:train -- --out <file>` (e.g. with a source held out).
  if (s.startsWith('model:')) return createModelJudge(loadWeights(s.slice('model:'.length)));
  if (s.startsWith('cascade:')) return createCascadeJudge({ model: loadWeights(s.slice('cascade:'.length)) });
  throw new UsageError(`unknown judge "${spec}"; use one of: ${JUDGE_SPECS.join(', ')}`);
}
