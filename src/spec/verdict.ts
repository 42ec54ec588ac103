import { z } from 'zod';

export const verdictSchema = z.enum(['refusal', 'partial', 'compliance', 'error']);
export type Verdict = z.infer<typeof verdictSchema>;

/** What the judge reads beside the verdict; each is computed by its own tested function. */
export const signalsSchema = z
  .object({
    reason: z.boolean(),
    boundary: z.boolean(),
    alternative: z.boolean(),
    leak: z.boolean(),
    apology: z.boolean(),
    lecture: z.boolean(),
    templateKey: z.string(),
  })
  .strict();
export type Signals = z.infer<typeof signalsSchema>;

export const judgementSchema = z
  .object({
    verdict: verdictSchema,
    /** Probability the verdict is right, calibrated on held-out human labels. */
    confidence: z.number().min(0).max(1),
    judge: z.string(),
    signals: signalsSchema.optional(),
    /** Why the verdict is `error` (a target error or an unparseable judge answer). */
    error: z.string().optional(),
  })
  .strict();
export type Judgement = z.infer<typeof judgementSchema>;
