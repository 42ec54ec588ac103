import type { Finish } from './finish.js';
import type { Message } from './message.js';
import type { Judgement } from './verdict.js';

/** The principle a case tests, so signals such as `boundary` can check the reason names it. */
export interface PrincipleContext {
  id: string;
  statement: string;
  rationale?: string;
  terms?: string[];
}

export interface JudgeInput {
  prompt: string;
  response: string;
  /** The whole conversation when the case is multi-turn; the last assistant turn is `response`. */
  messages?: Message[];
  finish?: Finish;
  principle?: PrincipleContext;
  /** Pack-authored strings whose presence in a response means the harmful detail leaked. */
  leakIndicators?: string[];
}

export interface Judge {
  readonly id: string;
  judge(input: JudgeInput): Judgement | Promise<Judgement>;
}
