import type { z } from 'zod';
import type { Finish, Message } from '../spec/index.js';
import { getPath, type FieldMapping } from './field-mapping.js';
import { chatLogSchema, contentText, flatLogSchema, pairLogSchema, type ChatMessage } from './log-formats.js';
import { fastChat, fastPair } from './log-shape.js';
import type { ParseResult, ProdRecord } from './prod-record.js';
import { parseTimestamp } from './timestamp.js';

export interface ParseLineOptions {
  mapping?: FieldMapping;
  /** Used when a record has no timestamp (a live feed stamps on receipt); otherwise a missing one is an error. */
  defaultTimestamp?: () => string;
}

/** One log line (JSON) to a record, or an error naming the field and what was expected. */
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
  if ('request' in obj || (typeof obj.response === 'object' && obj.response !== null)) return fromPair(obj, options);
  if ('messages' in obj) return fromChat(obj, options);
  if ('prompt' in obj && 'response' in obj) return fromFlat(obj, options);
  return {
    ok: false,
    error: 'expected {"timestamp", "messages": [...]} or {"request": {"messages"}, "response": {"choices"}}, or pass --map',
  };
}

function fromChat(obj: Record<string, unknown>, options: ParseLineOptions): ParseResult {
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

function fromPair(obj: Record<string, unknown>, options: ParseLineOptions): ParseResult {
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

function fromFlat(obj: Record<string, unknown>, options: ParseLineOptions): ParseResult {
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
  let body: Omit<ProdRecord, 'timestamp' | 'tsMs'>;
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

function finish(ts: unknown, options: ParseLineOptions, body: Omit<ProdRecord, 'timestamp' | 'tsMs'>, tsField = 'timestamp'): ParseResult {
  if (ts === undefined && options.defaultTimestamp) ts = options.defaultTimestamp();
  if (ts === undefined) return { ok: false, error: `${tsField}: required (ISO-8601 or epoch seconds)` };
  const t = parseTimestamp(ts);
  if (!t) return { ok: false, error: `${tsField}: expected ISO-8601 or epoch seconds, got ${describe(ts)}` };
  if (!body.prompt) return { ok: false, error: 'no user message to take as the prompt' };
  return { ok: true, record: { timestamp: t.iso, tsMs: t.ms, ...body } };
}

/** The prompt is the last user message; whatever came before it is context. */
function conversation(
  messages: ChatMessage[],
): { ok: true; value: { prompt: string; context?: Message[] } } | { ok: false; error: string } {
  let u = -1;
  for (let i = messages.length - 1; i >= 0; i--)
    if (messages[i]?.role === 'user') {
      u = i;
      break;
    }
  if (u < 0) return { ok: false, error: 'messages: no user message before the response' };
  const prompt = contentText((messages[u] as ChatMessage).content);
  if (u === 0) return { ok: true, value: { prompt } };
  const context: Message[] = [];
  for (const m of messages.slice(0, u)) {
    const role = m.role === 'developer' ? 'system' : m.role;
    if (role === 'system' || role === 'user' || role === 'assistant') context.push({ role, content: contentText(m.content) });
  }
  return { ok: true, value: context.length ? { prompt, context } : { prompt } };
}

function openaiFinish(raw: string | null): Finish {
  const unified = raw === 'stop' ? 'stop' : raw === 'length' ? 'length' : raw === 'content_filter' ? 'content-filter' : 'other';
  return { unified, raw };
}

function zodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'does not match the expected shape';
  const path = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
  return `${path || '(record)'}: ${issue.message.replace(/^Invalid input: /, '')}`;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
