import { metricContext, metricRegistry, DEFAULT_K } from '../metrics/index.js';
import type { CaseResult, Judgement } from '../spec/index.js';
import type { Candidate } from './select-candidates.js';

export interface ChosenScript {
  /** Chosen refusals measured. */
  refusals: number;
  /** The drill's script index over them: the chance two share a template (null below two). */
  scriptIndex: number | null;
  ci95: [number, number] | null;
  templates: number;
  largestShare: number;
  openings: Array<{ opening: string; count: number; share: number }>;
}

export interface ChosenRefusal {
  candidate: Candidate;
  text: string;
  judgement: Judgement;
}

/**
 * The script index and top openings of the chosen refusals, computed by the drill's own metric
 * over them as if they were a run's answers: the number the next drill would report if the
 * recalibrated model learned exactly these refusals.
 */
export function chosenScript(chosen: readonly ChosenRefusal[]): ChosenScript {
  const results = chosen.filter((c) => c.candidate.expect === 'refuse').map(asResult);
  const m = metricRegistry.script_index.compute(metricContext(results, { k: DEFAULT_K, seed: 0 }));
  const d = m.detail;
  return {
    refusals: d?.refusals ?? 0,
    scriptIndex: (d?.refusals ?? 0) >= 2 ? m.value : null,
    ci95: m.ci95,
    templates: d?.templates ?? 0,
    largestShare: d?.largestShare ?? 0,
    openings: (d?.openings.top ?? []).slice(0, 5),
  };
}

function asResult(c: ChosenRefusal): CaseResult {
  const r = c.candidate.result;
  return {
    ...r,
    case: { ...r.case, turns: [{ content: c.candidate.prompt.at(-1)?.content ?? '', expect: 'refuse' }] },
    transcript: [...c.candidate.prompt, { role: 'assistant', content: c.text }],
    turns: [{ response: { text: c.text, finish: { unified: 'stop', raw: null }, latencyMs: 0, ttftMs: null }, judgement: c.judgement }],
    judgement: c.judgement,
    heldTurns: 1,
  };
}
