import type { JudgeInput, PrincipleContext, Verdict } from '../../spec/index.js';
import { analyse } from '../text/analyse.js';
import type { SignalContext } from './signal-context.js';

/** A signal test case: a response (and optionally its prompt, principle, verdict) and the expected value. */
export interface SignalFixture<T = boolean> {
  response: string;
  expected: T;
  prompt?: string;
  verdict?: Verdict;
  principle?: PrincipleContext;
  leakIndicators?: string[];
  note?: string;
}

export function contextOf(f: SignalFixture<unknown>): SignalContext {
  const input: JudgeInput = {
    prompt: f.prompt ?? 'Tell me how to do the thing.',
    response: f.response,
    principle: f.principle,
    leakIndicators: f.leakIndicators,
  };
  return { input, verdict: f.verdict ?? 'refusal', a: analyse(f.response, input.prompt) };
}
