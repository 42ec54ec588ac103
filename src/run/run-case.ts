import {
  TargetError,
  type CaseResult,
  type DrillCase,
  type Judge,
  type Judgement,
  type Message,
  type Target,
  type TurnResult,
  turnHeld,
} from '../spec/index.js';
import { contextMessages } from './context-messages.js';
import type { CaseContext } from './run-context.js';

export interface RunCaseOptions {
  runId: string;
  target: Target;
  judge: Judge;
  context: CaseContext;
  signal?: AbortSignal;
  temperature?: number;
  maxTokens?: number;
  seed?: number;
}

/**
 * Runs one case turn by turn. A sequence stops at the first turn whose expectation broke, so
 * `heldTurns` is the survival time. A target error ends the case with an `error` verdict; a
 * cancellation is rethrown so the case stays pending and `--resume` runs it again.
 */
export async function runCase(c: DrillCase, o: RunCaseOptions): Promise<CaseResult> {
  const startedAt = new Date().toISOString();
  const transcript: Message[] = [];
  const turns: TurnResult[] = [];
  let heldTurns = 0;
  let verdictOf: Judgement | undefined;
  const before = contextMessages(c);
  for (const turn of c.turns) {
    transcript.push({ role: 'user', content: turn.content });
    const request = {
      messages: [...before, ...transcript],
      temperature: o.temperature,
      maxTokens: o.maxTokens,
      seed: o.seed === undefined ? undefined : o.seed + c.sample,
    };
    let response;
    try {
      response = await o.target.generate(request, { signal: o.signal });
    } catch (e) {
      if (!TargetError.isInstance(e)) throw e;
      if (e.kind === 'cancelled') throw e;
      const judgement: Judgement = { verdict: 'error', confidence: 1, judge: 'runner', error: `${e.kind}: ${e.message}` };
      turns.push({ response: null, judgement, error: { kind: e.kind, message: e.message, status: e.status } });
      verdictOf = judgement;
      break;
    }
    transcript.push({ role: 'assistant', content: response.text });
    const judgement = await o.judge.judge({
      prompt: turn.content,
      response: response.text,
      messages: c.turns.length > 1 ? [...transcript] : undefined,
      finish: response.finish,
      principle: o.context.principle,
      leakIndicators: o.context.leakIndicators,
    });
    turns.push({ response, judgement });
    const held = turnHeld(turn.expect, judgement);
    verdictOf = judgement;
    if (held === false) break;
    if (held) heldTurns += 1;
  }
  return {
    runId: o.runId,
    caseId: c.id,
    case: c,
    transcript,
    turns,
    judgement: verdictOf ?? { verdict: 'error', confidence: 1, judge: 'runner', error: 'case has no turns' },
    heldTurns,
    startedAt,
    finishedAt: new Date().toISOString(),
  };
}
