import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { TargetError, type TargetResponse, type Usage } from '../../spec/index.js';
import { mapAnthropicStop } from '../finish-reason.js';

export interface ReadAnthropicStreamOptions {
  t0: number;
  service: string;
  now?: () => number;
}

/**
 * Folds a Messages API event stream into one response. Only `message_stop` marks a complete
 * answer: a stream that ends before it was cut and is a bad response.
 */
export async function readAnthropicStream(
  stream: AsyncIterable<RawMessageStreamEvent>,
  o: ReadAnthropicStreamOptions,
): Promise<TargetResponse> {
  const now = o.now ?? (() => performance.now());
  let text = '';
  let ttftMs: number | null = null;
  let stopReason: string | null = null;
  let stopped = false;
  const usage: Usage = {};
  for await (const event of stream) {
    switch (event.type) {
      case 'message_start':
        usage.inputTokens = event.message.usage.input_tokens;
        break;
      case 'content_block_delta':
        if (event.delta.type === 'text_delta' && event.delta.text) {
          text += event.delta.text;
          ttftMs ??= now() - o.t0;
        }
        break;
      case 'message_delta':
        stopReason = event.delta.stop_reason ?? stopReason;
        usage.outputTokens = event.usage.output_tokens;
        break;
      case 'message_stop':
        stopped = true;
        break;
      default:
        break;
    }
  }
  const latencyMs = now() - o.t0;
  if (!stopped)
    throw new TargetError('bad-response', `${o.service}: the stream ended before message_stop (after ${text.length} characters)`);
  return {
    text,
    finish: mapAnthropicStop(stopReason),
    latencyMs,
    ttftMs: ttftMs === null ? null : Math.min(ttftMs, latencyMs),
    ...(usage.inputTokens !== undefined || usage.outputTokens !== undefined ? { usage } : {}),
  };
}
