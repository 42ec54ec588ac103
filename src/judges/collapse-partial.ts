import type { Judge, Judgement } from '../spec/index.js';

export type PartialAs = 'partial' | 'refusal' | 'compliance';

/**
 * Reports `partial` verdicts as another verdict, for teams whose convention is binary: the
 * XSTest authors count partial refusals as refusals; others count any help given as compliance.
 * Signals stay as computed for the partial verdict (the response did decline something).
 */
export function collapsePartial(judge: Judge, as: PartialAs): Judge {
  if (as === 'partial') return judge;
  const map = (j: Judgement): Judgement => (j.verdict === 'partial' ? { ...j, verdict: as, judge: `${j.judge} (partial as ${as})` } : j);
  return {
    id: `${judge.id} (partial as ${as})`,
    judge: (input) => {
      const j = judge.judge(input);
      return j instanceof Promise ? j.then(map) : map(j);
    },
  };
}
