import type { GateRuleResult } from './gate-result.js';
import type { Scorecard } from './scorecard-types.js';
import { wilson } from './stats/wilson.js';

/** The share of errored cases a gate tolerates when its policy names none (docs/gate.md). */
export const DEFAULT_MAX_ERROR_RATE = 0.05;

/**
 * Every other rule measures only the cases that were answered and judged: an endpoint that
 * failed 10 cases of 11 would pass on the one that answered. So a gate fails, whatever its
 * rules, when more than its `max_error_rate` share of the judged results are errors (a target
 * that failed, a judge that could not decide).
 */
export function errorRateRule(s: Scorecard, maxErrorRate: number): GateRuleResult {
  const n = s.counts.results;
  const errors = s.counts.error;
  const value = n === 0 ? null : errors / n;
  const passed = value === null || value <= maxErrorRate + 1e-9;
  const share = `${Math.round(maxErrorRate * 1000) / 10}%`;
  return {
    id: 'error_rate',
    metric: 'error_rate',
    description: passed
      ? `cases that ended in an error ≤ ${share}`
      : `cases that ended in an error ≤ ${share}: ${errors} of ${n} cases ended in an error, and every other rule measured only the rest`,
    status: value === null ? 'skipped' : passed ? 'pass' : 'fail',
    passed,
    value,
    threshold: { max: maxErrorRate },
    bound: 'value',
    n,
    ci95: wilson(errors, n),
  };
}
