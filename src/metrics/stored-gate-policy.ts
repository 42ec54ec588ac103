import { z } from 'zod';
import type { RunRecord } from '../spec/index.js';
import { DEFAULT_MAX_ERROR_RATE } from './gate-error-rate.js';
import type { GatePolicy } from './gate-policy.js';
import { METRIC_IDS } from './registry.js';

const ruleSchema = z
  .object({
    metric: z.enum(METRIC_IDS as [string, ...string[]]),
    min: z.number().optional(),
    max: z.number().optional(),
    k: z.number().int().positive().optional(),
    bound: z.enum(['value', 'ci']),
    per: z.enum(['overall', 'principle', 'mutation', 'split', 'language']),
    onMissing: z.enum(['skip', 'fail']),
    description: z.string(),
  })
  .strict();

/**
 * The policy a run was gated under when it finished, as stored with it; undefined when it was not
 * gated (or by a version whose rules this one does not know: it is then gated like an ungated run).
 */
export function storedGatePolicy(run: Pick<RunRecord, 'outcome'>): GatePolicy | undefined {
  const stored = run.outcome?.gate?.policy;
  if (!stored) return undefined;
  const rules = z.array(ruleSchema).safeParse(stored.rules);
  // A policy stored by a version without the error-rate rule takes its default share.
  return rules.success
    ? { source: stored.source, rules: rules.data as GatePolicy['rules'], maxErrorRate: stored.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE }
    : undefined;
}
