import { z } from 'zod';
import type { Finish } from '../../spec/index.js';
import { finishRecord, splitConversation, zodError, type RecordOptions, type Turn } from '../log-record.js';
import type { ParseResult } from '../prod-record.js';

const text = z.looseObject({ type: z.string(), text: z.string().optional(), refusal: z.string().optional() });
const inputItem = z.looseObject({
  type: z.string().optional(),
  role: z.string().optional(),
  content: z.union([z.string(), z.array(text)]).optional(),
});
const latency = z.number().nonnegative().optional();

/**
 * An OpenAI Responses API call as a gateway logs it: the request (`input` as a string or items,
 * `instructions`) and the response object (`output` items, `status`, `incomplete_details`).
 */
export const openaiResponsesSchema = z.looseObject({
  timestamp: z.union([z.string(), z.number()]).optional(),
  id: z.union([z.string(), z.number()]).optional(),
  latency_ms: latency,
  latencyMs: latency,
  duration_ms: latency,
  request: z.looseObject({
    input: z.union([z.string(), z.array(inputItem)]),
    instructions: z.string().nullable().optional(),
  }),
  response: z.looseObject({
    id: z.string().optional(),
    object: z.literal('response').optional(),
    created_at: z.number().optional(),
    status: z.string().optional(),
    incomplete_details: z.looseObject({ reason: z.string().optional() }).nullable().optional(),
    error: z.looseObject({ code: z.string().optional(), message: z.string().optional() }).nullable().optional(),
    output: z.array(z.looseObject({ type: z.string(), role: z.string().optional(), content: z.array(text).optional() })),
  }),
});

export function looksLikeOpenAIResponses(o: Record<string, unknown>): boolean {
  const r = o.response;
  return typeof r === 'object' && r !== null && ('output' in r || (r as { object?: unknown }).object === 'response');
}

/** Reads a Responses API log line: the last user input is the prompt, output_text parts the response, refusal parts the provider's refusal. */
export function parseOpenAIResponses(obj: Record<string, unknown>, options: RecordOptions): ParseResult {
  const parsed = openaiResponsesSchema.safeParse(obj);
  if (!parsed.success) return { ok: false, error: `${zodError(parsed.error)} (openai-responses)` };
  const d = parsed.data;
  const turns: Turn[] = d.request.instructions ? [{ role: 'system', text: d.request.instructions }] : [];
  if (typeof d.request.input === 'string') turns.push({ role: 'user', text: d.request.input });
  else
    for (const item of d.request.input)
      if ((item.type === undefined || item.type === 'message') && item.role) turns.push({ role: item.role, text: partsText(item.content) });
  const convo = splitConversation(turns);
  if (!convo.ok) return { ok: false, error: `request.input: ${convo.error} (openai-responses)` };
  let answer = '';
  let refusal = '';
  for (const item of d.response.output) {
    if (item.type !== 'message') continue;
    for (const part of item.content ?? []) {
      if (part.type === 'output_text' && part.text) answer += answer ? `\n${part.text}` : part.text;
      if (part.type === 'refusal' && part.refusal) refusal += refusal ? `\n${part.refusal}` : part.refusal;
    }
  }
  const status = d.response.status;
  const failed = status === 'failed' || (d.response.error ?? undefined) !== undefined;
  const id = d.id ?? d.response.id;
  return finishRecord(d.timestamp ?? d.response.created_at, options, {
    ...convo.value,
    response: answer || refusal,
    ...(refusal ? { providerRefusal: refusal } : {}),
    finish: responsesFinish(status, d.response.incomplete_details?.reason),
    ...(failed
      ? {
          error: `response ${d.response.error?.code ?? status ?? 'failed'}${d.response.error?.message ? `: ${d.response.error.message}` : ''}`,
        }
      : {}),
    ...(id === undefined ? {} : { logId: String(id) }),
    ...latencyOf(d),
  });
}

function partsText(content: string | Array<z.infer<typeof text>> | undefined): string {
  if (typeof content === 'string') return content;
  return (content ?? [])
    .map((p) => p.text ?? '')
    .filter(Boolean)
    .join('\n');
}

function responsesFinish(status: string | undefined, reason: string | undefined): Finish {
  if (status === 'incomplete')
    return {
      unified: reason === 'content_filter' ? 'content-filter' : reason === 'max_output_tokens' ? 'length' : 'other',
      raw: reason ?? status,
    };
  if (status === 'failed') return { unified: 'error', raw: status };
  return { unified: 'stop', raw: status ?? null };
}

function latencyOf(d: { latency_ms?: number; latencyMs?: number; duration_ms?: number }): { latencyMs?: number } {
  const v = d.latency_ms ?? d.latencyMs ?? d.duration_ms;
  return v === undefined ? {} : { latencyMs: v };
}
