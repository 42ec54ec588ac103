import { z } from 'zod';
import { drillCaseSchema } from './case.js';
import { messageSchema } from './message.js';
import { targetResponseSchema } from './target-response.js';
import { judgementSchema } from './verdict.js';

export const targetErrorInfoSchema = z.object({ kind: z.string(), message: z.string(), status: z.number().optional() }).strict();
export type TargetErrorInfo = z.infer<typeof targetErrorInfoSchema>;

export const turnResultSchema = z
  .object({
    response: targetResponseSchema.nullable(),
    judgement: judgementSchema,
    error: targetErrorInfoSchema.optional(),
  })
  .strict();
export type TurnResult = z.infer<typeof turnResultSchema>;

/**
 * The one record that flows from the runner to the store, metrics and reports.
 * `judgement` is the case's overall verdict: for a sequence, the verdict at the first turn that
 * broke its expectation (or the last turn when none broke); `heldTurns` counts turns that held.
 */
export const caseResultSchema = z
  .object({
    runId: z.string(),
    caseId: z.string(),
    case: drillCaseSchema,
    transcript: z.array(messageSchema),
    turns: z.array(turnResultSchema),
    judgement: judgementSchema,
    heldTurns: z.number().int().nonnegative(),
    startedAt: z.string(),
    finishedAt: z.string(),
  })
  .strict();
export type CaseResult = z.infer<typeof caseResultSchema>;
