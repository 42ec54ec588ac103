import { z } from 'zod';

/** OpenAI content: a string, or parts of which the text ones count; null on tool calls. */
export const contentSchema = z.union([
  z.string(),
  z.array(z.looseObject({ type: z.string().optional(), text: z.string().optional() })),
  z.null(),
]);
export type ChatContent = z.infer<typeof contentSchema>;

export const chatMessageSchema = z.looseObject({
  role: z.string(),
  content: contentSchema.optional(),
  refusal: z.string().nullable().optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

const idSchema = z.union([z.string(), z.number()]).optional();
const latencySchema = z.number().nonnegative().optional();
const timestampSchema = z.union([z.string(), z.number()]).optional();

/** `{"timestamp", "messages": [..., {"role": "assistant", ...}]}`: the last assistant message is the response. */
export const chatLogSchema = z.looseObject({
  timestamp: timestampSchema,
  id: idSchema,
  latency_ms: latencySchema,
  latencyMs: latencySchema,
  duration_ms: latencySchema,
  messages: z.array(chatMessageSchema).min(2),
});

/** The OpenAI request/response pair, as an API gateway logs it. */
export const pairLogSchema = z.looseObject({
  timestamp: timestampSchema,
  id: idSchema,
  latency_ms: latencySchema,
  latencyMs: latencySchema,
  duration_ms: latencySchema,
  request: z.looseObject({ messages: z.array(chatMessageSchema).min(1) }),
  response: z.looseObject({
    id: z.string().optional(),
    created: z.number().optional(),
    choices: z.array(z.looseObject({ message: chatMessageSchema, finish_reason: z.string().nullable().optional() })).min(1),
  }),
});

/** The shape `refusal-drill judge` reads, accepted here too: `{"timestamp", "prompt", "response"}`. */
export const flatLogSchema = z.looseObject({
  timestamp: timestampSchema,
  id: idSchema,
  latency_ms: latencySchema,
  latencyMs: latencySchema,
  duration_ms: latencySchema,
  prompt: z.string(),
  response: z.string(),
});

export function contentText(content: ChatContent | undefined): string {
  if (typeof content === 'string') return content;
  if (!content) return '';
  let out = '';
  for (const part of content) if (typeof part.text === 'string') out += out ? `\n${part.text}` : part.text;
  return out;
}
