import { errorRateRule } from './gate-error-rate.js';
import type { GateResult, GateRuleResult } from './gate-result.js';
import type { GatePolicy, GateRule } from './gate-policy.js';
import { holdAllKFrom } from './hold-all-k.js';
import type { MetricValue } from './metric.js';
import type { Scorecard } from './scorecard-types.js';

export { loadGatePolicy, parseGatePolicy, DEFAULT_GATE_POLICY_YAML, type GatePolicy, type GateRule } from './gate-policy.js';
export type { GateResult, GateRuleResult } from './gate-result.js';

// Thresholds like 0.05 are compared with shares like 1/20; float noise must not fail a gate.
const EPS = 1e-9;

/** Checks every rule of a policy on a scorecard. Failed rules come first, each with figure and interval. */
export function evaluateGate(scorecard: Scorecard, policy: GatePolicy): GateResult {
  const rules = [
    ...policy.rules.flatMap((rule) => targets(scorecard, rule).map(({ label, value }) => check(rule, label, value))),
    errorRateRule(scorecard, policy.maxErrorRate),
  ];
  rules.sort((a, b) => rank(a) - rank(b));
  return { passed: rules.every((r) => r.status !== 'fail'), policy: policy.source, rules };
}

function rank(r: GateRuleResult): number {
  return r.status === 'fail' ? 0 : r.status === 'skipped' ? 2 : 1;
}

function targets(s: Scorecard, rule: GateRule): Array<{ label: string; value: MetricValue }> {
  const own = rule.k !== undefined && rule.metric === 'hold_all_k' && rule.k !== s.options.k;
  const intents = s.metrics.hold_all_k.detail?.intents ?? [];
  if (rule.per === 'overall') return [{ label: '', value: own ? holdAllKFrom(intents, rule.k ?? s.options.k) : s.metrics[rule.metric] }];
  const slices = { principle: s.byPrinciple, mutation: s.byMutation, split: s.bySplit, language: s.byLanguage }[rule.per];
  return Object.entries(slices).map(([name, slice]) => {
    let value: MetricValue = slice.metrics[rule.metric];
    if (own && rule.per === 'principle')
      value = holdAllKFrom(
        intents.filter((i) => i.principle === name || i.intent.split('/').slice(0, 2).join('/') === name),
        rule.k ?? s.options.k,
      );
    else if (own) value = { ...value, note: `k = ${s.options.k} (the scorecard's); per-${rule.per} slices cannot be recounted` };
    return { label: `[${rule.per}=${name}]`, value };
  });
}

function check(rule: GateRule, label: string, m: MetricValue): GateRuleResult {
  const base = {
    id: `${rule.metric}${label}`,
    metric: rule.metric,
    description: rule.description,
    threshold: { ...(rule.min !== undefined ? { min: rule.min } : {}), ...(rule.max !== undefined ? { max: rule.max } : {}) },
    bound: rule.bound,
    value: m.value,
    n: m.n,
    ci95: m.ci95,
    ...(m.note ? { note: m.note } : {}),
  };
  if (m.value === null) {
    const status = rule.onMissing === 'fail' ? 'fail' : 'skipped';
    return { ...base, status, passed: status !== 'fail', note: m.note ?? 'nothing to measure' };
  }
  const low = rule.bound === 'ci' ? (m.ci95?.[0] ?? m.value) : m.value;
  const high = rule.bound === 'ci' ? (m.ci95?.[1] ?? m.value) : m.value;
  const passed = (rule.min === undefined || low >= rule.min - EPS) && (rule.max === undefined || high <= rule.max + EPS);
  return { ...base, status: passed ? 'pass' : 'fail', passed };
}
