import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { TargetError, type TargetResponse, type Usage } from '../../spec/index.js';
import { mapOpenAIFinish } from '../finish-reason.js';

export interface ReadStreamOptions {
  /** When the attempt began (performance.now()), for latency and time to first token. */
  t0: number;
  service: string;
  now?: () => number;
}

/**
 * Folds a chat-completions stream into one response. A stream that ends without a
 * `finish_reason` was cut, so it is a bad response, never a short answer. A `refusal` delta is the
 * provider saying it refused: kept as `providerRefusal` and reported as a `refusal` finish.
 */
export async function readOpenAIStream(stream: AsyncIterable<ChatCompletionChunk>, o: ReadStreamOptions): Promise<TargetResponse> {
  const now = o.now ?? (() => performance.now());
  let text = '';
  let refusal = '';
  let ttftMs: number | null = null;
  let finishRaw: string | undefined;
  let usage: Usage | undefined;
  for await (const chunk of stream) {
    if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
    for (const choice of chunk.choices ?? []) {
      if (choice.index !== 0) continue;
      const delta = choice.delta;
      if (delta?.content) {
        text += delta.content;
        ttftMs ??= now() - o.t0;
      }
      if (delta?.refusal) {
        refusal += delta.refusal;
        ttftMs ??= now() - o.t0;
      }
      if (choice.finish_reason) finishRaw = choice.finish_reason;
    }
  }
  const latencyMs = now() - o.t0;
  if (finishRaw === undefined) {
    throw new TargetError(
      'bad-response',
      `${o.service}: the stream ended before its end (no finish_reason after ${text.length + refusal.length} characters)`,
    );
  }
  const mapped = mapOpenAIFinish(finishRaw);
  return {
    text: text === '' && refusal !== '' ? refusal : text,
    finish: refusal ? { unified: 'refusal', raw: mapped.raw } : mapped,
    latencyMs,
    ttftMs: ttftMs === null ? null : Math.min(ttftMs, latencyMs),
    ...(usage ? { usage } : {}),
    ...(refusal ? { providerRefusal: refusal } : {}),
  };
}
