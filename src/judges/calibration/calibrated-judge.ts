import type { Judge, Judgement, Calibration } from '../../spec/index.js';
import { applySteps } from './isotonic.js';

/**
 * The judge with its stated confidence replaced by the observed accuracy at that confidence
 * (the fitted steps). Verdicts are untouched; error verdicts keep their confidence (they are not
 * judgements). The judge id stays, so results still say which judge decided.
 */
export function calibrateJudge(judge: Judge, c: Pick<Calibration, 'steps'>): Judge {
  const map = (j: Judgement): Judgement => (j.verdict === 'error' ? j : { ...j, confidence: applySteps(c.steps, j.confidence) });
  return {
    id: judge.id,
    judge: (input) => {
      const j = judge.judge(input);
      return j instanceof Promise ? j.then(map) : map(j);
    },
  };
}
