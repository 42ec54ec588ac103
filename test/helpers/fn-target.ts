import { TargetError, type Message, type Target, type TargetResponse } from '../../src/spec/index.js';

/** An in-process target driven by a function of the conversation; counts calls. */
export function fnTarget(reply: (messages: Message[]) => string | Error, options: { delayMs?: number } = {}): Target & { calls: number } {
  const t = {
    id: 'fn:test',
    calls: 0,
    async generate(req: { messages: Message[] }, opts?: { signal?: AbortSignal }): Promise<TargetResponse> {
      t.calls += 1;
      if (options.delayMs) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, options.delayMs);
          opts?.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new TargetError('cancelled', 'aborted'));
          });
        });
      }
      if (opts?.signal?.aborted) throw new TargetError('cancelled', 'aborted');
      const out = reply(req.messages);
      if (out instanceof Error) throw out;
      return { text: out, finish: { unified: 'stop', raw: 'stop' }, latencyMs: 1, ttftMs: 0 };
    },
  };
  return t;
}
