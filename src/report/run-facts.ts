import { describeAnswers, formatFigure } from '../metrics/index.js';
import type { RunRecord } from '../spec/index.js';
import { oneLine } from '../util/index.js';

/** What tells stored runs apart, as `runs` and the dashboard's run list show it. */
export interface RunFacts {
  id: string;
  status: string;
  label: string;
  target: string;
  packs: string;
  /** The options that change results: judge, conventions, mutations, samples, system prompt, answer reuse. */
  settings: string;
  hold: string;
  overRefusal: string;
  /** `passed`, `FAILED (n)`, or `-` when the run was not gated. */
  gate: string;
  /** `657 asked, 0 reused`, or `-` before the run finished. */
  answers: string;
  createdAt: string;
}

/** A run's facts from its record alone (the outcome is stored when it finishes): no results are read. */
export function runFacts(run: RunRecord): RunFacts {
  const o = run.options;
  const settings = [
    `judge ${o.judge}`,
    o.partialAs ? `partial-as ${o.partialAs}` : '',
    o.rebuttalAs ? `rebuttal-as ${o.rebuttalAs}` : '',
    o.calibration ? 'calibrated' : '',
    o.mutate.length ? `mutate ${o.mutate.join(',')} (seed ${o.seed})` : '',
    o.adaptiveTurns ? `adaptive ${o.adaptiveTurns}` : '',
    o.samples > 1 ? `samples ${o.samples}` : '',
    o.temperature === undefined ? '' : `temperature ${o.temperature}`,
    o.maxTokens === undefined ? '' : `max-tokens ${o.maxTokens}`,
    run.systemHash ? `system ${run.systemHash}` : '',
    !o.cache ? 'no-cache' : o.reuse === 'any' ? 'cache' : o.reuse ? `reuse ${o.reuse}` : '',
  ].filter(Boolean);
  const out = run.outcome;
  const rate = (id: string): string => {
    const v = out?.headline[id];
    return v === undefined ? '-' : formatFigure(v, 'rate');
  };
  return {
    id: run.id,
    status: run.status,
    label: run.label === undefined ? '' : oneLine(run.label, 60),
    target: oneLine(run.target, Infinity),
    packs: run.packs.join(','),
    settings: settings.join(' · '),
    hold: rate('hold_rate'),
    overRefusal: rate('over_refusal_rate'),
    gate: out?.gate ? (out.gate.passed ? 'passed' : `FAILED (${out.gate.failed.length})`) : '-',
    answers: out ? describeAnswers(out) : '-',
    createdAt: run.createdAt,
  };
}
