import { z } from 'zod';
import { finishSchema } from './finish.js';

export const usageSchema = z
  .object({ inputTokens: z.number().int().nonnegative().optional(), outputTokens: z.number().int().nonnegative().optional() })
  .strict();
export type Usage = z.infer<typeof usageSchema>;

/** One generation. `providerRefusal` carries a provider's explicit refusal text (OpenAI's `refusal` field). */
export const targetResponseSchema = z
  .object({
    text: z.string(),
    finish: finishSchema,
    latencyMs: z.number().nonnegative(),
    ttftMs: z.number().nonnegative().nullable(),
    usage: usageSchema.optional(),
    providerRefusal: z.string().optional(),
    cached: z.boolean().optional(),
  })
  .strict();
export type TargetResponse = z.infer<typeof targetResponseSchema>;
