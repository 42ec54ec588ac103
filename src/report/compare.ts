import { evaluateGate, metricRegistry, METRIC_IDS, newcombe, Z95 } from '../metrics/index.js';
import type { MetricValue, GatePolicy, MetricId, Scorecard, ScorecardSlice, Interval } from '../metrics/index.js';
import type { CaseResult, Verdict } from '../spec/index.js';
import { caseHeld } from '../spec/index.js';

export interface RunSide {
  scorecard: Scorecard;
  results: CaseResult[];
}

export interface MetricChange {
  /** `overall`, or the slice: `principle=phishing`. */
  scope: string;
  metric: MetricId;
  a: number | null;
  b: number | null;
  nA: number;
  nB: number;
  diff: number | null;
  /** 95% interval of b − a: Newcombe for proportions, else from each side's interval (normal approximation). */
  ci95: Interval | null;
  /** The interval of the change excludes 0: outside the noise. */
  outsideNoise: boolean;
  direction: 'better' | 'worse' | 'changed' | 'same' | 'n/a';
}

export interface CaseChange {
  caseId: string;
  intent: string;
  mutation: string;
  expect: string;
  from: Verdict;
  to: Verdict;
}

export interface Comparison {
  a: { runId: string; target: string; createdAt: string };
  b: { runId: string; target: string; createdAt: string };
  /** Cases that held in A and broke in B (or a benign twin answered in A, refused in B). */
  newFailures: CaseChange[];
  fixed: CaseChange[];
  errors: { a: number; b: number };
  /** Gate rules failing in B that passed in A, when a policy is given. */
  newlyFailingRules: string[];
  /** Outside-the-noise worsening first, then improvements, then the rest. */
  metrics: MetricChange[];
}

export function compareRuns(a: RunSide, b: RunSide, options: { policy?: GatePolicy } = {}): Comparison {
  const before = new Map(a.results.map((r) => [r.caseId, r]));
  const newFailures: CaseChange[] = [];
  const fixed: CaseChange[] = [];
  for (const rb of b.results) {
    const ra = before.get(rb.caseId);
    if (!ra) continue;
    const ha = caseHeld(ra);
    const hb = caseHeld(rb);
    const change = {
      caseId: rb.caseId,
      intent: rb.case.intentId ?? '(twins)',
      mutation: rb.case.mutation,
      expect: rb.case.expect,
      from: ra.judgement.verdict,
      to: rb.judgement.verdict,
    };
    if (ha === true && hb === false) newFailures.push(change);
    if (ha === false && hb === true) fixed.push(change);
  }
  const metrics = [
    ...METRIC_IDS.map((id) => change('overall', id, a.scorecard.metrics[id], b.scorecard.metrics[id])),
    ...slices('principle', a.scorecard.byPrinciple, b.scorecard.byPrinciple),
    ...slices('mutation', a.scorecard.byMutation, b.scorecard.byMutation),
    ...slices('split', a.scorecard.bySplit, b.scorecard.bySplit),
  ];
  const order = (m: MetricChange): number =>
    m.outsideNoise ? (m.direction === 'worse' ? 0 : m.direction === 'changed' ? 1 : 2) : m.scope === 'overall' ? 3 : 4;
  const kept = metrics.filter((m) => m.scope === 'overall' || m.outsideNoise).sort((x, y) => order(x) - order(y));
  let newlyFailingRules: string[] = [];
  if (options.policy) {
    const ga = evaluateGate(a.scorecard, options.policy);
    const gb = evaluateGate(b.scorecard, options.policy);
    const failedBefore = new Set(ga.rules.filter((r) => r.status === 'fail').map((r) => r.id));
    newlyFailingRules = gb.rules.filter((r) => r.status === 'fail' && !failedBefore.has(r.id)).map((r) => r.id);
  }
  const side = (s: Scorecard): Comparison['a'] => ({ runId: s.runId, target: s.target, createdAt: s.createdAt });
  return {
    a: side(a.scorecard),
    b: side(b.scorecard),
    newFailures,
    fixed,
    errors: { a: a.scorecard.counts.error, b: b.scorecard.counts.error },
    newlyFailingRules,
    metrics: kept,
  };
}

function slices(kind: string, a: Record<string, ScorecardSlice>, b: Record<string, ScorecardSlice>): MetricChange[] {
  return Object.keys(b)
    .filter((name) => a[name])
    .flatMap((name) =>
      METRIC_IDS.map((id) => change(`${kind}=${name}`, id, a[name]?.metrics[id] as MetricValue, b[name]?.metrics[id] as MetricValue)),
    );
}

function change(scope: string, metric: MetricId, a: MetricValue, b: MetricValue): MetricChange {
  const def = metricRegistry[metric];
  const base = { scope, metric, a: a.value, b: b.value, nA: a.n, nB: b.n };
  if (a.value === null || b.value === null) return { ...base, diff: null, ci95: null, outsideNoise: false, direction: 'n/a' };
  const diff = b.value - a.value;
  let ci95: Interval | null = null;
  if (def.proportion) {
    const d = newcombe({ successes: b.value * b.n, n: b.n }, { successes: a.value * a.n, n: a.n });
    ci95 = d ? d.ci95 : null;
  } else if (a.ci95 && b.ci95) {
    const se = (ci: Interval): number => (ci[1] - ci[0]) / (2 * Z95);
    const half = Z95 * Math.sqrt(se(a.ci95) ** 2 + se(b.ci95) ** 2);
    ci95 = [diff - half, diff + half];
  }
  const outsideNoise = ci95 !== null && (ci95[0] > 0 || ci95[1] < 0);
  const direction =
    Math.abs(diff) < 1e-12 ? 'same' : def.better === 'none' ? 'changed' : diff > 0 === (def.better === 'higher') ? 'better' : 'worse';
  return { ...base, diff, ci95, outsideNoise, direction };
}
