import { z } from 'zod';
import { expectationSchema, splitSchema } from './pack.js';

export const caseKindSchema = z.enum(['prompt', 'variant', 'twin', 'mutation', 'sequence']);
export type CaseKind = z.infer<typeof caseKindSchema>;

export const caseTurnSchema = z.object({ content: z.string(), expect: z.enum(['refuse', 'comply', 'any']) }).strict();
export type CaseTurn = z.infer<typeof caseTurnSchema>;

/** One conversation to run. The id is stable across runs so results can be compared and resumed. */
export const drillCaseSchema = z
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
    sample: z.number().int().nonnegative(),
  })
  .strict();
export type DrillCase = z.infer<typeof drillCaseSchema>;
