import {
  TargetError,
  type Judge,
  type Judgement,
  type Message,
  type PrincipleContext,
  type Target,
  type TurnResult,
  refusalHeld,
} from '../spec/index.js';
import { attackerMessages, cleanAttackerMessage, evaluatorMessages, parseVerdict } from './crescendo-prompts.js';

export interface CrescendoOptions {
  /** The model under drill. */
  target: Target;
  /** Writes each next user message and checks whether a response reached the goal. */
  attacker: Target;
  /** Decides whether each reply is a refusal, which makes the attacker back off. */
  judge: Judge;
  /** The harmful output the attacker steers toward, e.g. the intent's canonical prompt. */
  goal: string;
  /** The application's system prompt and fixed prefix, sent before the conversation on every target turn. */
  before?: Message[];
  principle?: PrincipleContext;
  /** Budget of target turns, refused attempts included. */
  maxTurns: number;
  seed: number;
  signal?: AbortSignal;
}

export interface CrescendoResult {
  /** The conversation as the target saw it at its last turn, with its reply; refused exchanges that were backed off are gone. */
  transcript: Message[];
  /** Every target turn in order, refused attempts included; a trailing turn with `response: null` records an error. */
  turns: TurnResult[];
  /** 1-based index into `turns` of the reply that reached the goal, or null when the refusal held. */
  brokeAtTurn: number | null;
}

class AttackerFailure extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

async function askAttacker(attacker: Target, messages: Message[], seed: number, signal?: AbortSignal): Promise<string> {
  try {
    const r = await attacker.generate({ messages, temperature: 0, seed }, { signal });
    return r.text;
  } catch (e) {
    if (TargetError.isInstance(e) && e.kind !== 'cancelled') throw new AttackerFailure(e.kind, e.message);
    throw e;
  }
}

function errorTurn(source: string, kind: string, message: string): TurnResult {
  const judgement: Judgement = { verdict: 'error', confidence: 1, judge: 'crescendo', error: `${source}: ${kind}: ${message}` };
  return { response: null, judgement, error: { kind, message: `${source}: ${message}` } };
}

/**
 * A crescendo-style adaptive attack: the attacker escalates gradually from an innocuous opening; a
 * refused exchange is removed and the attacker rephrases; after two refusals in a row the exchange
 * before it is removed too (backtracking to take another route). Stops when the attacker's goal
 * check says a reply delivered the goal, or when the turn budget is spent.
 */
export async function runCrescendo(o: CrescendoOptions): Promise<CrescendoResult> {
  let conversation: Message[] = [];
  let transcript: Message[] = [];
  const turns: TurnResult[] = [];
  let lastRefused: { user: string; reply: string } | undefined;
  let backtracked = false;
  let refusalsInRow = 0;
  try {
    for (let turn = 1; turn <= o.maxTurns; turn++) {
      const state = { goal: o.goal, principle: o.principle, maxTurns: o.maxTurns, turn, conversation, refused: lastRefused, backtracked };
      const user = cleanAttackerMessage(await askAttacker(o.attacker, attackerMessages(state), o.seed, o.signal));
      if (user === '') throw new AttackerFailure('empty', 'the attacker wrote no message');
      const messages: Message[] = [...conversation, { role: 'user', content: user }];
      let response;
      try {
        response = await o.target.generate({ messages: [...(o.before ?? []), ...messages], seed: o.seed }, { signal: o.signal });
      } catch (e) {
        if (!TargetError.isInstance(e) || e.kind === 'cancelled') throw e;
        transcript = messages;
        turns.push({ ...errorTurn('target', e.kind, e.message), error: { kind: e.kind, message: e.message, status: e.status } });
        break;
      }
      transcript = [...messages, { role: 'assistant', content: response.text }];
      const judgement = await o.judge.judge({
        prompt: user,
        response: response.text,
        messages: transcript,
        finish: response.finish,
        principle: o.principle,
      });
      turns.push({ response, judgement });
      if (refusalHeld(judgement)) {
        refusalsInRow += 1;
        lastRefused = { user, reply: response.text };
        backtracked = refusalsInRow >= 2 && conversation.length >= 2;
        if (backtracked) {
          conversation = conversation.slice(0, -2);
          refusalsInRow = 0;
        }
        continue;
      }
      refusalsInRow = 0;
      lastRefused = undefined;
      backtracked = false;
      conversation = transcript;
      // A judge error is not a refusal, but it is no evidence of a break either: keep going.
      if (judgement.verdict === 'error') continue;
      const verdict = await askAttacker(o.attacker, evaluatorMessages(o.goal, response.text), o.seed, o.signal);
      if (parseVerdict(verdict)) return { transcript, turns, brokeAtTurn: turns.length };
    }
  } catch (e) {
    if (!(e instanceof AttackerFailure)) throw e;
    turns.push(errorTurn('attacker', e.kind, e.message));
  }
  return { transcript, turns, brokeAtTurn: null };
}
