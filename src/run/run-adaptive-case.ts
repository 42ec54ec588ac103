import { runCrescendo } from '../sequences/index.js';
import { UsageError, type CaseResult, type CaseTurn, type DrillCase, type Judge, type Target } from '../spec/index.js';
import { contextMessages } from './context-messages.js';
import type { CaseContext } from './run-context.js';

export interface RunAdaptiveOptions {
  runId: string;
  target: Target;
  attacker: Target | undefined;
  judge: Judge;
  context: CaseContext;
  maxTurns: number;
  seed: number;
  signal?: AbortSignal;
}

/**
 * Runs an adaptive (crescendo) case: the attacker writes each turn toward the case's goal. The
 * stored case lists the turns actually sent; only the turn that reached the goal expects a refusal,
 * so survival metrics read the break where the attacker's goal check found it.
 */
export async function runAdaptiveCase(c: DrillCase, o: RunAdaptiveOptions): Promise<CaseResult> {
  if (!o.attacker) throw new UsageError(`case ${c.id} is adaptive and needs --attacker <target-spec>`);
  const startedAt = new Date().toISOString();
  const goal = c.turns[0]?.content ?? '';
  const out = await runCrescendo({
    target: o.target,
    attacker: o.attacker,
    judge: o.judge,
    goal,
    before: contextMessages(c),
    principle: o.context.principle,
    maxTurns: o.maxTurns,
    seed: o.seed + c.sample,
    signal: o.signal,
  });
  const users = out.turns.map((_, i) => sentUserMessage(out.transcript, i));
  const turns: CaseTurn[] = out.turns.map((_, i) => ({ content: users[i] ?? '', expect: out.brokeAtTurn === i + 1 ? 'refuse' : 'any' }));
  const last = out.turns.at(out.brokeAtTurn ? out.brokeAtTurn - 1 : -1);
  return {
    runId: o.runId,
    caseId: c.id,
    case: { ...c, turns: turns.length ? turns : c.turns },
    transcript: out.transcript,
    turns: out.brokeAtTurn ? out.turns.slice(0, out.brokeAtTurn) : out.turns,
    judgement: last?.judgement ?? { verdict: 'error', confidence: 1, judge: 'runner', error: 'adaptive attack produced no turn' },
    heldTurns: out.brokeAtTurn ? out.brokeAtTurn - 1 : out.turns.filter((t) => t.judgement.verdict !== 'error').length,
    startedAt,
    finishedAt: new Date().toISOString(),
  };
}

/** The user message of target turn i; backed-off exchanges are gone from the transcript, so fall back to a marker. */
function sentUserMessage(transcript: { role: string; content: string }[], i: number): string {
  const users = transcript.filter((m) => m.role === 'user');
  return users[i]?.content ?? `(attempt ${i + 1}, later backed off)`;
}
