import { TargetError, type Target } from '../../spec/index.js';
import { mapAnyFinish } from '../finish-reason.js';
import { limitedTarget, type Limits } from '../limits/limited-target.js';
import { builtinReplay } from './builtin-replay.js';
import { assertReadable, loadReplayFile } from './replay-file.js';

export interface ReplayTargetOptions {
  /** A JSONL file or a built-in such as `xstest/gpt4` or `do-not-answer/Claude`. */
  ref: string;
  limits: Limits;
}

/** Answers from a recording. A conversation that was not recorded is an error, never a guess. */
export function createReplayTarget(o: ReplayTargetOptions): Target {
  let load = builtinReplay(o.ref);
  if (!load) {
    assertReadable(o.ref);
    load = () => loadReplayFile(o.ref);
  }
  return limitedTarget({
    id: `replay:${o.ref}`,
    limits: o.limits,
    async attempt(request) {
      const index = load();
      const record = index.get(request.messages);
      if (!record) {
        const prompt = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
        const quoted = prompt.length > 80 ? `${prompt.slice(0, 80)}…` : prompt;
        const turns = request.messages.length > 1 ? ` (a ${request.messages.length}-message conversation)` : '';
        throw new TargetError('not-recorded', `no recorded response for "${quoted}"${turns} in ${index.source}`);
      }
      const latencyMs = record.latencyMs ?? 0;
      return { text: record.response, finish: mapAnyFinish(record.finish), latencyMs, ttftMs: null };
    },
  });
}
