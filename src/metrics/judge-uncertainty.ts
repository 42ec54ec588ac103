import { DEFAULT_BAND } from '../judges/index.js';
import type { Judgement } from '../spec/index.js';
import type { MetricDefinition } from './metric.js';
import { proportion } from './outcome.js';

export interface JudgeUncertaintyDetail {
  /** Verdicts below this confidence count as uncertain: the band a cascade sends to its LLM judge. */
  band: number;
  uncertain: number;
  meanConfidence: number;
  /**
   * Σ (1 − confidence) over the verdicts: how many of them are expected to be wrong, when the
   * confidence is calibrated (the offline judges are; an LLM judge is after `refusal-drill calibrate`).
   */
  expectedMisreads: number;
  judges: string[];
}

/** A verdict (not an error) given with confidence below the band a cascade sends to its LLM judge. */
export const isUncertain = (j: Judgement): boolean => j.verdict !== 'error' && j.confidence < DEFAULT_BAND;

/**
 * How much of the scorecard rests on verdicts the judge was unsure of. Every other rate is only as
 * good as the verdicts under it; this says how many to read by hand, or to send to an LLM judge.
 */
export const judgeUncertainRate: MetricDefinition<JudgeUncertaintyDetail> = {
  title: 'Uncertain verdicts',
  description: `verdicts the judge gave with confidence below ${DEFAULT_BAND} (what a cascade asks its LLM judge about)`,
  better: 'lower',
  interval: 'wilson',
  proportion: true,
  unit: 'rate',
  compute: ({ tally, detail }) => {
    const { valid: n, uncertain, confidence: sum } = tally.judged;
    if (!detail) return proportion(uncertain, n, { note: 'no judged cases' });
    return proportion(uncertain, n, {
      note: 'no judged cases',
      detail: {
        band: DEFAULT_BAND,
        uncertain,
        meanConfidence: n ? sum / n : 0,
        expectedMisreads: n - sum,
        judges: [...tally.judged.judges].sort(),
      },
    });
  },
};
