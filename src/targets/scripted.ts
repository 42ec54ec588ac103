import { TargetError, type Message, type Target } from '../spec/index.js';
import { TARGET_DEFAULTS } from './target-defaults.js';
import { mapAnyFinish } from './finish-reason.js';
import { abortableSleep } from './limits/abortable-sleep.js';
import { limitedTarget, type Limits } from './limits/limited-target.js';

export type ScriptedReply = string | ((messages: Message[]) => string);

export interface ScriptedRule {
  /** A string matches the last user message case-insensitively as a substring; a RegExp is tested against it. */
  match: RegExp | string;
  reply: ScriptedReply;
  /** Raw finish reason (`stop`, `length`, `content_filter`, `refusal`…); default `stop`. */
  finish?: string;
  delayMs?: number;
}

export interface ScriptedTargetOptions {
  rules: ScriptedRule[];
  /** The answer when no rule matches; without one, an unmatched prompt is a `not-recorded` error. */
  fallback?: ScriptedReply;
  /** Default `scripted`. */
  id?: string;
  limits?: Partial<Limits>;
}

/**
 * An in-process model with known behaviour, for tests and for trying the tool without a model.
 * It goes through the same limits wrapper as every real target, so cancellation behaves the same.
 */
export function createScriptedTarget(o: ScriptedTargetOptions): Target {
  const given = Object.fromEntries(Object.entries(o.limits ?? {}).filter(([, v]) => v !== undefined));
  const limits: Limits = { ...TARGET_DEFAULTS, retries: 0, ...given };
  return limitedTarget({
    id: o.id ?? 'scripted',
    limits,
    async attempt(request, signal) {
      const t0 = performance.now();
      const last = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
      const rule = o.rules.find((r) =>
        typeof r.match === 'string' ? last.toLowerCase().includes(r.match.toLowerCase()) : test(r.match, last),
      );
      const reply = rule?.reply ?? o.fallback;
      if (reply === undefined)
        throw new TargetError('not-recorded', `no scripted rule matches "${last.length > 80 ? `${last.slice(0, 80)}…` : last}"`);
      await abortableSleep(rule?.delayMs ?? 0, signal);
      const text = typeof reply === 'string' ? reply : reply(request.messages);
      const latencyMs = performance.now() - t0;
      return { text, finish: mapAnyFinish(rule?.finish ?? 'stop'), latencyMs, ttftMs: latencyMs };
    },
  });
}

function test(re: RegExp, text: string): boolean {
  // A /g or /y RegExp keeps state between calls; matching must not depend on what came before.
  re.lastIndex = 0;
  return re.test(text);
}
