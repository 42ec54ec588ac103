import { z } from 'zod';
import { messageSchema } from './message.js';

/** What the runner asks a target for. The cache key is derived from this plus the target's identity. */
export const targetRequestSchema = z
  .object({
    messages: z.array(messageSchema).min(1),
    maxTokens: z.number().int().positive().optional(),
    temperature: z.number().min(0).max(2).optional(),
    seed: z.number().int().optional(),
  })
  .strict();
export type TargetRequest = z.infer<typeof targetRequestSchema>;
