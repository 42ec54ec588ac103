import { evaluateGate } from '../../metrics/index.js';
import type { Scorecard, GatePolicy } from '../../metrics/index.js';

export interface GateSide {
  /** The policy's file, or `default`. */
  policy: string;
  /** `stored`: the policy the run was gated under, kept with the run; `given`: `--policy` or the default. */
  policyFrom: 'stored' | 'given';
  passed: boolean;
  rules: number;
  failed: string[];
  skipped: number;
}

export interface GateChange {
  a: GateSide;
  b: GateSide;
  /** The two runs were gated under the same policy file; when not, rule-by-rule changes compare different promises. */
  samePolicy: boolean;
  newlyFailing: string[];
  newlyPassing: string[];
  stillFailing: string[];
}

/** Each run under its own policy (the stored one when there is one), then which rules changed. */
export function gateChange(
  a: { scorecard: Scorecard; policy: GatePolicy; stored: boolean },
  b: { scorecard: Scorecard; policy: GatePolicy; stored: boolean },
): GateChange {
  const side = (s: typeof a): GateSide => {
    const g = evaluateGate(s.scorecard, s.policy);
    return {
      policy: g.policy,
      policyFrom: s.stored ? 'stored' : 'given',
      passed: g.passed,
      rules: g.rules.length,
      failed: g.rules.filter((r) => r.status === 'fail').map((r) => r.id),
      skipped: g.rules.filter((r) => r.status === 'skipped').length,
    };
  };
  const ga = side(a);
  const gb = side(b);
  const failedA = new Set(ga.failed);
  const failedB = new Set(gb.failed);
  return {
    a: ga,
    b: gb,
    samePolicy: ga.policy === gb.policy,
    newlyFailing: gb.failed.filter((id) => !failedA.has(id)),
    newlyPassing: ga.failed.filter((id) => !failedB.has(id)),
    stillFailing: gb.failed.filter((id) => failedA.has(id)),
  };
}
