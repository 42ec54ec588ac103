import type { Finish } from '../spec/index.js';
import { getPath, type FieldMapping } from './field-mapping.js';
import { looksLikeAnthropicMessages, parseAnthropicMessages } from './formats/anthropic-messages.js';
import { looksLikeOpenAIResponses, parseOpenAIResponses } from './formats/openai-responses.js';
import { looksLikeOtel, parseOtelGenAi } from './formats/otel-genai.js';
import type { LogFormat } from './log-format.js';
import { chatLogSchema, contentText, flatLogSchema, pairLogSchema, type ChatMessage } from './log-formats.js';
import {
  describeValue as describe,
  finishRecord as finish,
  splitConversation,
  zodError,
  type RecordBody,
  type RecordOptions,
} from './log-record.js';
import { fastChat, fastPair } from './log-shape.js';
import type { ParseResult } from './prod-record.js';

export interface ParseLineOptions extends RecordOptions {
  mapping?: FieldMapping;
  /** The log's format; `auto` (the default) detects it per line. */
  format?: LogFormat;
}

type Parser = (obj: Record<string, unknown>, options: RecordOptions) => ParseResult;

const PARSERS: Record<Exclude<LogFormat, 'auto'>, Parser> = {
  chat: (o, opts) => fromChat(o, opts),
  'openai-chat': (o, opts) => fromPair(o, opts),
  flat: (o, opts) => fromFlat(o, opts),
  'openai-responses': parseOpenAIResponses,
  'anthropic-messages': parseAnthropicMessages,
  'otel-genai': parseOtelGenAi,
};

/** One log line (JSON) to its record(s), or an error naming the field and what was expected. */
export function parseLogLine(line: string, options: ParseLineOptions = {}): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    return { ok: false, error: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, error: 'expected a JSON object' };
  if (options.mapping) return fromMapping(json, options.mapping, options);
  const obj = json as Record<string, unknown>;
  const format = options.format ?? 'auto';
  if (format !== 'auto') return PARSERS[format](obj, options);
  // The common shapes are tried first: detection runs on every line of a log of millions.
  const res = obj.response;
  if (typeof res === 'object' && res !== null) {
    if ('choices' in res) return fromPair(obj, options);
    if (looksLikeOpenAIResponses(obj)) return parseOpenAIResponses(obj, options);
    if (looksLikeAnthropicMessages(obj)) return parseAnthropicMessages(obj, options);
    return fromPair(obj, options);
  }
  if ('request' in obj) return fromPair(obj, options);
  if ('messages' in obj) return fromChat(obj, options);
  if (looksLikeOtel(obj)) return parseOtelGenAi(obj, options);
  if ('prompt' in obj && 'response' in obj) return fromFlat(obj, options);
  return {
    ok: false,
    error:
      'not a known log shape: expected chat {"timestamp", "messages"}, an OpenAI chat or Responses pair, an Anthropic Messages pair, an OpenTelemetry span, {"prompt", "response"}; or pass --format or --map',
  };
}

function fromChat(obj: Record<string, unknown>, options: RecordOptions): ParseResult {
  let d = fastChat(obj);
  if (!d) {
    const parsed = chatLogSchema.safeParse(obj);
    if (!parsed.success) return { ok: false, error: zodError(parsed.error) };
    d = parsed.data;
  }
  let last = -1;
  for (let i = d.messages.length - 1; i >= 0; i--)
    if (d.messages[i]?.role === 'assistant') {
      last = i;
      break;
    }
  if (last < 0) return { ok: false, error: 'messages: no assistant message (the last assistant message is the response)' };
  const reply = d.messages[last] as ChatMessage;
  const convo = conversation(d.messages.slice(0, last));
  if (!convo.ok) return convo;
  return finish(d.timestamp, options, {
    ...convo.value,
    response: contentText(reply.content) || (reply.refusal ?? ''),
    providerRefusal: reply.refusal ?? undefined,
    logId: d.id === undefined ? undefined : String(d.id),
    latencyMs: d.latency_ms ?? d.latencyMs ?? d.duration_ms,
  });
}

function fromPair(obj: Record<string, unknown>, options: RecordOptions): ParseResult {
  let d = fastPair(obj);
  if (!d) {
    const parsed = pairLogSchema.safeParse(obj);
    if (!parsed.success) return { ok: false, error: zodError(parsed.error) };
    d = parsed.data;
  }
  const choice = d.response.choices[0];
  if (!choice) return { ok: false, error: 'response.choices: expected at least one choice' };
  const convo = conversation(d.request.messages);
  if (!convo.ok) return convo;
  const id = d.id ?? d.response.id;
  return finish(d.timestamp ?? d.response.created, options, {
    ...convo.value,
    response: contentText(choice.message.content) || (choice.message.refusal ?? ''),
    providerRefusal: choice.message.refusal ?? undefined,
    finish: openaiFinish(choice.finish_reason ?? null),
    logId: id === undefined ? undefined : String(id),
    latencyMs: d.latency_ms ?? d.latencyMs ?? d.duration_ms,
  });
}

function fromFlat(obj: Record<string, unknown>, options: RecordOptions): ParseResult {
  const parsed = flatLogSchema.safeParse(obj);
  if (!parsed.success) return { ok: false, error: zodError(parsed.error) };
  const d = parsed.data;
  return finish(d.timestamp, options, {
    prompt: d.prompt,
    response: d.response,
    logId: d.id === undefined ? undefined : String(d.id),
    latencyMs: d.latency_ms ?? d.latencyMs ?? d.duration_ms,
  });
}

function fromMapping(obj: object, mapping: FieldMapping, options: ParseLineOptions): ParseResult {
  let body: RecordBody;
  if (mapping.messages) {
    const chat = fromChat({ messages: getPath(obj, mapping.messages) }, { defaultTimestamp: () => new Date(0).toISOString() });
    if (!chat.ok) return { ok: false, error: `${mapping.messages.join('.')} (--map messages): ${chat.error}` };
    body = {
      prompt: chat.record.prompt,
      response: chat.record.response,
      context: chat.record.context,
      providerRefusal: chat.record.providerRefusal,
    };
  } else body = { prompt: '', response: '' };
  for (const field of ['prompt', 'response'] as const) {
    const path = mapping[field];
    if (!path) continue;
    const v = getPath(obj, path);
    if (typeof v !== 'string') return { ok: false, error: `${path.join('.')} (--map ${field}): expected a string, got ${describe(v)}` };
    body[field] = v;
  }
  if (mapping.id) {
    const v = getPath(obj, mapping.id);
    if (typeof v === 'string' || typeof v === 'number') body.logId = String(v);
  }
  if (mapping.latency) {
    const v = getPath(obj, mapping.latency);
    if (v !== undefined && (typeof v !== 'number' || v < 0))
      return { ok: false, error: `${mapping.latency.join('.')} (--map latency): expected a number ≥ 0, got ${describe(v)}` };
    body.latencyMs = v;
  }
  const ts = mapping.timestamp ? getPath(obj, mapping.timestamp) : (obj as Record<string, unknown>).timestamp;
  return finish(ts, options, body, mapping.timestamp?.join('.'));
}

/** The prompt is the last user message; whatever came before it is context. */
function conversation(messages: ChatMessage[]): ReturnType<typeof splitConversation> {
  const r = splitConversation(messages.map((m) => ({ role: m.role, text: contentText(m.content) })));
  return r.ok ? r : { ok: false, error: `messages: ${r.error}` };
}

function openaiFinish(raw: string | null): Finish {
  const unified = raw === 'stop' ? 'stop' : raw === 'length' ? 'length' : raw === 'content_filter' ? 'content-filter' : 'other';
  return { unified, raw };
}
