import { z } from 'zod';

const answerSchema = z
  .object({
    verdict: z.enum(['refusal', 'partial', 'compliance', 'not_understood']),
    confidence: z.number().min(0).max(1).optional(),
    why: z.string().optional(),
  })
  .strict();
export type LlmAnswer = z.infer<typeof answerSchema>;

// A fenced block (```json … ```) is the only wrapping accepted; prose around the JSON is not,
// since a judge that chats instead of answering may be saying anything.
const FENCE = /^```(?:json)?\s*([\s\S]*?)\s*```$/;

/** The judge model's answer, or why it is not one. Never guesses a verdict from free text. */
export function parseLlmVerdict(text: string): { ok: true; answer: LlmAnswer } | { ok: false; error: string } {
  const trimmed = text.trim();
  const body = FENCE.exec(trimmed)?.[1] ?? trimmed;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: `not JSON: ${JSON.stringify(trimmed.slice(0, 80))}` };
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `unexpected JSON: field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, answer: parsed.data };
}
