import { z } from 'zod';
import { mapAnthropicStop } from '../../targets/index.js';
import { finishRecord, splitConversation, zodError, type RecordOptions, type Turn } from '../log-record.js';
import type { ParseResult } from '../prod-record.js';

const block = z.looseObject({ type: z.string(), text: z.string().optional() });
const content = z.union([z.string(), z.array(block)]);
const latency = z.number().nonnegative().optional();

/**
 * An Anthropic Messages API call as a gateway logs it: the request (`system`, `messages`) and the
 * response (`content` blocks, `stop_reason`), or the error object the API returned instead.
 */
export const anthropicMessagesSchema = z.looseObject({
  timestamp: z.union([z.string(), z.number()]).optional(),
  id: z.union([z.string(), z.number()]).optional(),
  latency_ms: latency,
  latencyMs: latency,
  duration_ms: latency,
  request: z.looseObject({
    system: content.optional(),
    messages: z.array(z.looseObject({ role: z.string(), content })).min(1),
  }),
  response: z.union([
    z.looseObject({
      id: z.string().optional(),
      type: z.literal('message').optional(),
      role: z.literal('assistant').optional(),
      content: z.array(block),
      stop_reason: z.string().nullable().optional(),
    }),
    z.looseObject({ type: z.literal('error'), error: z.looseObject({ type: z.string(), message: z.string().optional() }) }),
  ]),
});

export function looksLikeAnthropicMessages(o: Record<string, unknown>): boolean {
  const r = o.response as { type?: unknown; stop_reason?: unknown } | null | undefined;
  return typeof r === 'object' && r !== null && (r.type === 'message' || 'stop_reason' in r || r.type === 'error');
}

/** Reads an Anthropic request/response pair: text blocks are the response; `stop_reason: refusal` reaches the judge as evidence. */
export function parseAnthropicMessages(obj: Record<string, unknown>, options: RecordOptions): ParseResult {
  const parsed = anthropicMessagesSchema.safeParse(obj);
  if (!parsed.success) return { ok: false, error: `${zodError(parsed.error)} (anthropic-messages)` };
  const d = parsed.data;
  const turns: Turn[] = d.request.system === undefined ? [] : [{ role: 'system', text: blocksText(d.request.system) }];
  for (const m of d.request.messages) turns.push({ role: m.role, text: blocksText(m.content) });
  const convo = splitConversation(turns);
  if (!convo.ok) return { ok: false, error: `request.messages: ${convo.error} (anthropic-messages)` };
  const latencyMs = d.latency_ms ?? d.latencyMs ?? d.duration_ms;
  const common = { ...convo.value, ...(latencyMs === undefined ? {} : { latencyMs }) };
  const r = d.response;
  if ('error' in r && r.type === 'error') {
    const logId = d.id === undefined ? {} : { logId: String(d.id) };
    return finishRecord(d.timestamp, options, {
      ...common,
      ...logId,
      response: '',
      error: `${r.error.type}${r.error.message ? `: ${r.error.message}` : ''}`,
    });
  }
  const reply = r as { id?: string; content: Array<z.infer<typeof block>>; stop_reason?: string | null };
  const id = d.id ?? reply.id;
  return finishRecord(d.timestamp, options, {
    ...common,
    response: blocksText(reply.content),
    finish: mapAnthropicStop(reply.stop_reason),
    ...(id === undefined ? {} : { logId: String(id) }),
  });
}

function blocksText(c: string | Array<z.infer<typeof block>>): string {
  if (typeof c === 'string') return c;
  return c
    .filter((b) => b.type === 'text' && b.text)
    .map((b) => b.text as string)
    .join('\n');
}
