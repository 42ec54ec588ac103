import { z } from 'zod';

const principleContextSchema = z.object({
  id: z.string(),
  statement: z.string(),
  rationale: z.string().optional(),
  terms: z.array(z.string()).optional(),
});

/**
 * What the judge needs from a run's packs, captured when the run is planned and stored with it:
 * principles by `pack/principle`, leak indicators by `pack/principle/intent`. A resumed run and a
 * worker on another machine judge from this snapshot, never from pack files that may have changed.
 */
export const runContextSchema = z.object({
  principles: z.record(z.string(), principleContextSchema),
  leaks: z.record(z.string(), z.array(z.string())),
});
export type RunContext = z.infer<typeof runContextSchema>;
