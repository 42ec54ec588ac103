import { z } from 'zod';
import { finishSchema, messageSchema, unifiedFinishSchema, type JudgeInput } from '../spec/index.js';

/**
 * One input line of `refusal-drill judge`: `{"id"?, "prompt", "response"}` or `{"messages": [...]}`
 * (the last assistant message is the response, the user message before it the prompt). Optional
 * `finish` (`{"unified","raw"}` or just the unified value), `principle` and `leakIndicators` feed
 * the provider-evidence rule and the boundary and leak signals. Other fields pass through.
 */
const lineSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    prompt: z.string().optional(),
    response: z.string().optional(),
    messages: z.array(messageSchema).min(1).optional(),
    finish: z.union([finishSchema, unifiedFinishSchema.transform((unified) => ({ unified, raw: null }))]).optional(),
    principle: z
      .object({ id: z.string(), statement: z.string(), rationale: z.string().optional(), terms: z.array(z.string()).optional() })
      .optional(),
    leakIndicators: z.array(z.string()).optional(),
  })
  .passthrough();

export type ParsedLine =
  { ok: true; input: JudgeInput; record: Record<string, unknown> } | { ok: false; error: string; id?: string | number };

function describe(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid';
  const field = issue.path.length ? `field "${issue.path.join('.')}"` : 'the line';
  return `${field}: ${issue.message}`;
}

/** Parses one line; every failure says the line number, the field and what was expected. */
export function parseJudgeLine(text: string, lineNo: number): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `line ${lineNo}: not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, error: `line ${lineNo}: expected a JSON object, got ${Array.isArray(json) ? 'an array' : typeof json}` };
  const parsed = lineSchema.safeParse(json);
  const rawId = (json as Record<string, unknown>).id;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : undefined;
  if (!parsed.success) return { ok: false, error: `line ${lineNo}: ${describe(parsed.error.issues[0])}`, id };
  const line = parsed.data;
  let { prompt, response } = line;
  if (line.messages) {
    const lastAssistant = line.messages.findLastIndex((m) => m.role === 'assistant');
    if (lastAssistant < 0 && response === undefined)
      return { ok: false, error: `line ${lineNo}: field "messages" has no assistant message to judge (or give "response")`, id };
    response ??= line.messages[lastAssistant]!.content;
    const before = line.messages.slice(0, lastAssistant < 0 ? undefined : lastAssistant);
    prompt ??= before.findLast((m) => m.role === 'user')?.content ?? '';
  }
  if (response === undefined)
    return { ok: false, error: `line ${lineNo}: field "response" is required (a string), or give "messages"`, id };
  if (prompt === undefined) return { ok: false, error: `line ${lineNo}: field "prompt" is required (a string), or give "messages"`, id };
  const input: JudgeInput = {
    prompt,
    response,
    messages: line.messages,
    finish: line.finish,
    principle: line.principle,
    leakIndicators: line.leakIndicators,
  };
  return { ok: true, input, record: json as Record<string, unknown> };
}
