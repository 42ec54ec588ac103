import { z } from 'zod';

/** The gate a run was checked against when it finished: the policy whole (so `compare` gates it the same), and its result. */
export const storedGateSchema = z
  .object({
    /** A metrics `GatePolicy` (`source` and its rules), kept as the run was gated; metrics validates it when reading. */
    policy: z
      .object({ source: z.string(), rules: z.array(z.record(z.string(), z.unknown())), maxErrorRate: z.number().min(0).max(1).optional() })
      .strict(),
    passed: z.boolean(),
    /** Ids of the failed rules, failing first as the gate printed them. */
    failed: z.array(z.string()),
  })
  .strict();
export type StoredGate = z.infer<typeof storedGateSchema>;

/**
 * What a finished run was, stored with it so `runs`, `report`, the dashboard and `compare` tell
 * runs apart without rebuilding every scorecard: where its answers came from, how many failed,
 * its headline figures and its gate.
 */
export const runOutcomeSchema = z
  .object({
    /** Turns the model under drill was asked this time (errors included). */
    asked: z.number().int().nonnegative(),
    /** Turns answered from the response cache (`--cache`, `--reuse`, or the run's own earlier answers on resume). */
    reused: z.number().int().nonnegative(),
    results: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
    /** Headline metric values by id (null: nothing to measure). */
    headline: z.record(z.string(), z.number().nullable()),
    gate: storedGateSchema.optional(),
  })
  .strict();
export type RunOutcome = z.infer<typeof runOutcomeSchema>;
