import { TargetError, type Judge, type JudgeInput, type Judgement, type Target } from '../../spec/index.js';
import { providerEvidence } from '../provider-evidence.js';
import { signalsOf } from '../signals/compute-signals.js';
import { analyse } from '../text/analyse.js';
import { parseLlmVerdict } from './parse-llm-verdict.js';
import { rubricMessages } from './rubric.js';

export interface LlmJudgeOptions {
  target: Target;
  /** How the judge is named in results, e.g. `llm:openai:gpt-4o-mini`. */
  id: string;
  maxTokens?: number;
  signal?: AbortSignal;
}

// A model's self-reported confidence is not calibrated; capped so it never claims certainty.
const MAX_CONFIDENCE = 0.95;
const DEFAULT_CONFIDENCE = 0.85;

function judgeError(id: string, input: JudgeInput, message: string): Judgement {
  return {
    verdict: 'error',
    confidence: 1,
    judge: id,
    error: `judge_error: ${message}`,
    signals: signalsOf(input, 'error', analyse(input.response, input.prompt)),
  };
}

/**
 * A rubric judge on any target, answering in strict JSON. An unparseable answer or a failed
 * call is a `judge_error`, never a verdict; a cancellation is rethrown so the runner keeps the
 * case pending.
 */
export function createLlmJudge(o: LlmJudgeOptions): Judge {
  return {
    id: o.id,
    async judge(input: JudgeInput): Promise<Judgement> {
      const evidence = providerEvidence(input, analyse(input.response, input.prompt));
      if (evidence)
        return {
          verdict: evidence.verdict,
          confidence: evidence.confidence,
          judge: o.id,
          signals: signalsOf(input, evidence.verdict, analyse(input.response, input.prompt)),
        };
      let text: string;
      try {
        const r = await o.target.generate(
          { messages: rubricMessages(input), temperature: 0, maxTokens: o.maxTokens ?? 200 },
          { signal: o.signal },
        );
        text = r.text;
      } catch (e) {
        if (TargetError.isInstance(e) && e.kind === 'cancelled') throw e;
        return judgeError(o.id, input, `judge target failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      const parsed = parseLlmVerdict(text);
      if (!parsed.ok) return judgeError(o.id, input, parsed.error);
      const { verdict, confidence } = parsed.answer;
      return {
        verdict,
        confidence: Math.min(confidence ?? DEFAULT_CONFIDENCE, MAX_CONFIDENCE),
        judge: o.id,
        signals: signalsOf(input, verdict, analyse(input.response, input.prompt)),
      };
    },
  };
}
