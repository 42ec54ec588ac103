import type { z } from 'zod';
import type { Message } from '../spec/index.js';
import type { ParseResult, ProdRecord } from './prod-record.js';
import { parseTimestamp } from './timestamp.js';

/** What every log format's parser shares: the timestamp, the prompt check, the error wording. */
export interface RecordOptions {
  /** Used when a record has no timestamp (a live feed stamps on receipt); otherwise a missing one is an error. */
  defaultTimestamp?: () => string;
}

export type RecordBody = Omit<ProdRecord, 'timestamp' | 'tsMs'>;

/** Stamps a parsed body with its timestamp; a record needs a prompt and a readable time. */
export function finishRecord(ts: unknown, options: RecordOptions, body: RecordBody, tsField = 'timestamp'): ParseResult {
  if (ts === undefined && options.defaultTimestamp) ts = options.defaultTimestamp();
  if (ts === undefined) return { ok: false, error: `${tsField}: required (ISO-8601 or epoch seconds)` };
  const t = parseTimestamp(ts);
  if (!t) return { ok: false, error: `${tsField}: expected ISO-8601 or epoch seconds, got ${describeValue(ts)}` };
  if (!body.prompt) return { ok: false, error: 'no user message to take as the prompt' };
  return { ok: true, record: { timestamp: t.iso, tsMs: t.ms, ...body } };
}

/** One turn of a conversation, from any format, before it is split into prompt and context. */
export interface Turn {
  role: string;
  text: string;
}

/** The prompt is the last user turn; whatever came before it (system, earlier turns) is context. */
export function splitConversation(
  turns: Turn[],
): { ok: true; value: { prompt: string; context?: Message[] } } | { ok: false; error: string } {
  let u = -1;
  for (let i = turns.length - 1; i >= 0; i--)
    if (turns[i]?.role === 'user') {
      u = i;
      break;
    }
  if (u < 0) return { ok: false, error: 'no user message before the response' };
  const prompt = (turns[u] as Turn).text;
  if (u === 0) return { ok: true, value: { prompt } };
  const context: Message[] = [];
  for (const m of turns.slice(0, u)) {
    const role = m.role === 'developer' ? 'system' : m.role;
    if (role === 'system' || role === 'user' || role === 'assistant') context.push({ role, content: m.text });
  }
  return { ok: true, value: context.length ? { prompt, context } : { prompt } };
}

/** The first schema issue as `path: what was expected`, the path written as in the log (`a.b[0].c`). */
export function zodError(error: z.ZodError, prefix = ''): string {
  const issue = error.issues[0];
  if (!issue) return 'does not match the expected shape';
  const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)]
    .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
  return `${path || '(record)'}: ${issue.message.replace(/^Invalid input: /, '')}`;
}

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
