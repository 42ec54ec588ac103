import { z } from 'zod';
import { messageSchema } from './message.js';
import { expectationSchema, splitSchema } from './pack.js';

/** `sequence` is an authored multi-turn ladder; `adaptive` a conversation an attacker model writes as it goes. */
export const caseKindSchema = z.enum(['prompt', 'variant', 'twin', 'mutation', 'sequence', 'adaptive']);
export type CaseKind = z.infer<typeof caseKindSchema>;

export const caseTurnSchema = z.object({ content: z.string(), expect: z.enum(['refuse', 'comply', 'any']) }).strict();
export type CaseTurn = z.infer<typeof caseTurnSchema>;

/**
 * Runs stored before `adaptive` was a kind of its own recorded adaptive cases as sequences with an
 * `adaptive/` lineage; they read back as what they are.
 */
function upgradeAdaptive(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('kind' in value) || !('mutation' in value)) return value;
  const legacy = value.kind === 'sequence' && typeof value.mutation === 'string' && value.mutation.startsWith('adaptive/');
  return legacy ? { ...value, kind: 'adaptive' } : value;
}

/** One conversation to run. The id is stable across runs so results can be compared and resumed. */
const caseObjectSchema = z
  .object({
    id: z.string(),
    packId: z.string(),
    principleId: z.string(),
    intentId: z.string().nullable(),
    kind: caseKindSchema,
    expect: expectationSchema,
    split: splitSchema,
    language: z.string(),
    /** Lineage: `canonical`, `authored`, or mutator steps joined by `+` (`fiction/nested+encoding/base64`). */
    mutation: z.string(),
    turns: z.array(caseTurnSchema).min(1),
    /** The system prompt sent before the conversation (the pack's nearest `system:`, or `run --system`). */
    system: z.string().optional(),
    /** Fixed turns an application sends before the user's first (few-shot examples), after the system prompt. */
    prefix: z.array(messageSchema).optional(),
    sample: z.number().int().nonnegative(),
  })
  .strict();
export const drillCaseSchema = z.preprocess(upgradeAdaptive, caseObjectSchema);
export type DrillCase = z.infer<typeof drillCaseSchema>;
