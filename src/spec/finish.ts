import { z } from 'zod';

/**
 * Why a generation ended, mapped onto one enum while the provider's own value is kept in `raw`.
 * A `content-filter` or `refusal` finish is evidence for the judge, not an error.
 */
export const unifiedFinishSchema = z.enum(['stop', 'length', 'content-filter', 'refusal', 'error', 'other']);
export type UnifiedFinish = z.infer<typeof unifiedFinishSchema>;

export const finishSchema = z.object({ unified: unifiedFinishSchema, raw: z.string().nullable() }).strict();
export type Finish = z.infer<typeof finishSchema>;
