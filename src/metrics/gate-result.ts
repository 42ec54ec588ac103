import type { Interval } from './stats/wilson.js';

export interface GateRuleResult {
  /** The metric id, with the slice for per-principle/family/split rules: `over_refusal_rate[principle=phishing]`. */
  id: string;
  metric: string;
  description: string;
  /** `skipped`: nothing to measure (no sequences, no held-out cases) and the policy allows it. */
  status: 'pass' | 'fail' | 'skipped';
  passed: boolean;
  value: number | null;
  threshold: { min?: number; max?: number };
  /** What was compared with the threshold: the point estimate or the interval's far end. */
  bound: 'value' | 'ci';
  n: number;
  ci95: Interval | null;
  note?: string;
}

export interface GateResult {
  passed: boolean;
  policy: string;
  rules: GateRuleResult[];
}
