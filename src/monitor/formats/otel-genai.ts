import { mapAnyFinish } from '../../targets/index.js';
import { finishRecord, isRecord, splitConversation, type RecordOptions, type Turn } from '../log-record.js';
import type { ParseResult, ProdRecord } from '../prod-record.js';
import { otlpAttributes, spanTimeMs } from './otlp-values.js';
import { plural } from '../../util/index.js';

export function looksLikeOtel(o: Record<string, unknown>): boolean {
  return 'resourceSpans' in o || (('traceId' in o || 'context' in o) && 'attributes' in o);
}

/**
 * OpenTelemetry GenAI spans exported as JSON lines: an OTLP/JSON export (`resourceSpans` →
 * `scopeSpans` → `spans`), or one span per line. A span is a chat when it carries the
 * `gen_ai.input.messages` / `gen_ai.output.messages` attributes (messages of `parts`, as JSON or
 * structured; `gen_ai.system_instructions` for the system prompt), or the older flattened
 * `gen_ai.prompt.<i>.role|content` / `gen_ai.completion.<i>.content` ones. Other spans on the line
 * (HTTP, database) are skipped; a span with error status is stored as an error.
 */
export function parseOtelGenAi(obj: Record<string, unknown>, options: RecordOptions): ParseResult {
  const spans = 'resourceSpans' in obj ? exportedSpans(obj.resourceSpans) : [obj];
  if (spans === undefined) return { ok: false, error: 'resourceSpans: expected [{"scopeSpans": [{"spans": [...]}]}] (otel-genai)' };
  const records: ProdRecord[] = [];
  let firstError: string | undefined;
  spans.forEach((span, i) => {
    const attrs = otlpAttributes(span.attributes);
    if (!Object.keys(attrs).some((k) => k.startsWith('gen_ai.'))) return;
    const where = spans.length > 1 || 'resourceSpans' in obj ? `span ${i + 1}` : 'span';
    const r = spanRecord(span, attrs, options);
    if (r.ok) records.push(r.record);
    else firstError ??= `${where}: ${r.error}`;
  });
  const [first, ...more] = records;
  if (first) return { ok: true, record: first, ...(more.length ? { more } : {}) };
  if (firstError) return { ok: false, error: `${firstError} (otel-genai)` };
  return { ok: false, error: `no span with gen_ai.* attributes (of ${plural(spans.length, 'span')} on the line) (otel-genai)` };
}

function exportedSpans(resourceSpans: unknown): Array<Record<string, unknown>> | undefined {
  if (!Array.isArray(resourceSpans)) return undefined;
  const out: Array<Record<string, unknown>> = [];
  for (const rs of resourceSpans) {
    if (!isRecord(rs)) return undefined;
    const scopes = rs.scopeSpans ?? rs.instrumentationLibrarySpans;
    if (!Array.isArray(scopes)) return undefined;
    for (const ss of scopes) {
      if (!isRecord(ss) || !Array.isArray(ss.spans)) return undefined;
      for (const s of ss.spans) if (isRecord(s)) out.push(s);
    }
  }
  return out;
}

function spanRecord(span: Record<string, unknown>, attrs: Record<string, unknown>, options: RecordOptions): ParseResult {
  const io = messagesOf(attrs);
  if (typeof io === 'string') return { ok: false, error: io };
  const convo = splitConversation(io.input);
  if (!convo.ok) return { ok: false, error: `gen_ai.input.messages: ${convo.error}` };
  const context = isRecord(span.context) ? span.context : {};
  const traceId = span.traceId ?? context.trace_id;
  const spanId = span.spanId ?? context.span_id;
  const start = spanTimeMs(span.startTimeUnixNano ?? span.start_time);
  const end = spanTimeMs(span.endTimeUnixNano ?? span.end_time);
  const status = isRecord(span.status) ? span.status : {};
  const code = status.code ?? status.status_code;
  const failed = code === 2 || code === 'STATUS_CODE_ERROR' || code === 'ERROR';
  const reasons = attrs['gen_ai.response.finish_reasons'];
  const reason = io.finishReason ?? (Array.isArray(reasons) && typeof reasons[0] === 'string' ? reasons[0] : undefined);
  return finishRecord(
    start,
    options,
    {
      ...convo.value,
      response: io.output,
      finish: mapAnyFinish(reason),
      ...(typeof traceId === 'string' && typeof spanId === 'string' ? { logId: `${traceId}:${spanId}` } : {}),
      ...(start !== undefined && end !== undefined && end >= start ? { latencyMs: end - start } : {}),
      ...(failed
        ? {
            error: `${String(attrs['error.type'] ?? 'span status error')}${typeof status.message === 'string' && status.message ? `: ${status.message}` : ''}`,
          }
        : {}),
    },
    'startTimeUnixNano',
  );
}

/** The conversation and the first choice of a span, from the current attributes or the older flattened ones. */
function messagesOf(attrs: Record<string, unknown>): { input: Turn[]; output: string; finishReason?: string } | string {
  const input = json(attrs['gen_ai.input.messages']);
  const output = json(attrs['gen_ai.output.messages']);
  if (input !== undefined || output !== undefined) {
    if (!Array.isArray(input)) return 'gen_ai.input.messages: expected a list of {"role", "parts": [{"type": "text", "content"}]}';
    if (!Array.isArray(output)) return 'gen_ai.output.messages: expected a list of {"role": "assistant", "parts": [...], "finish_reason"}';
    const system = json(attrs['gen_ai.system_instructions']);
    const turns: Turn[] = Array.isArray(system) ? [{ role: 'system', text: partsText(system) }] : [];
    for (const m of input) if (isRecord(m) && typeof m.role === 'string') turns.push({ role: m.role, text: messageText(m) });
    // The first choice; none at all when the call failed or a filter blocked it.
    const choice = isRecord(output[0]) ? output[0] : {};
    return {
      input: turns,
      output: messageText(choice),
      ...(typeof choice.finish_reason === 'string' ? { finishReason: choice.finish_reason } : {}),
    };
  }
  const legacy: Turn[] = [];
  for (let i = 0; typeof attrs[`gen_ai.prompt.${i}.role`] === 'string'; i++)
    legacy.push({ role: attrs[`gen_ai.prompt.${i}.role`] as string, text: String(attrs[`gen_ai.prompt.${i}.content`] ?? '') });
  const completion = attrs['gen_ai.completion.0.content'];
  if (legacy.length && typeof completion === 'string') {
    const reason = attrs['gen_ai.completion.0.finish_reason'];
    return { input: legacy, output: completion, ...(typeof reason === 'string' ? { finishReason: reason } : {}) };
  }
  return 'a gen_ai span without its messages: expected gen_ai.input.messages and gen_ai.output.messages (is content capture on in the instrumentation?)';
}

/** Messages recorded on a span as a JSON string (the common case) or as structured values. */
function json(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

function messageText(m: Record<string, unknown>): string {
  if (Array.isArray(m.parts)) return partsText(m.parts);
  return typeof m.content === 'string' ? m.content : '';
}

function partsText(parts: unknown[]): string {
  return parts
    .filter((p): p is Record<string, unknown> => isRecord(p) && (p.type === undefined || p.type === 'text'))
    .map((p) => (typeof p.content === 'string' ? p.content : typeof p.text === 'string' ? p.text : ''))
    .filter(Boolean)
    .join('\n');
}
