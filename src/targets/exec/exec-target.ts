import { TargetError, UsageError, type Target } from '../../spec/index.js';
import { mapAnyFinish } from '../finish-reason.js';
import { limitedTarget, type Limits } from '../limits/limited-target.js';
import { ExecProcess } from './exec-process.js';
import { splitCommand } from './split-command.js';

export interface ExecTargetOptions {
  command: string;
  env: Record<string, string | undefined>;
  limits: Limits;
}

/** A local program speaking JSON lines on stdin/stdout (see docs/targets.md, "exec"). */
export function createExecTarget(o: ExecTargetOptions): Target {
  const argv = splitCommand(o.command);
  if (argv.length === 0) throw new UsageError('target "exec:" needs a command, e.g. exec:"python guard.py --model small"');
  const proc = new ExecProcess({ argv, command: o.command, env: o.env, maxResponseBytes: o.limits.maxResponseBytes });
  return limitedTarget({
    id: `exec:${o.command}`,
    limits: o.limits,
    close: () => proc.close(),
    async attempt(request, signal) {
      const t0 = performance.now();
      const reply = await proc.request(
        { messages: request.messages, maxTokens: request.maxTokens, temperature: request.temperature, seed: request.seed },
        signal,
      );
      const latencyMs = performance.now() - t0;
      if (reply.error !== undefined) {
        throw new TargetError(reply.kind ?? 'bad-response', `exec target "${o.command}" reported: ${reply.error}`, reply.status, {
          retryAfterMs: reply.retryAfterMs,
        });
      }
      const refusal = reply.refusal ?? '';
      const text = reply.text ?? '';
      const finish = mapAnyFinish(reply.finish);
      return {
        text: text === '' && refusal !== '' ? refusal : text,
        finish: refusal ? { unified: 'refusal', raw: finish.raw } : finish,
        latencyMs,
        ttftMs: Math.min(reply.ttftMs ?? latencyMs, latencyMs),
        ...(refusal ? { providerRefusal: refusal } : {}),
      };
    },
  });
}
