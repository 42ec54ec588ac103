import { createJudge, withConventions, type Conventions } from '../judges/index.js';
import type { Calibration, Judge } from '../spec/index.js';
import { createTarget } from '../targets/index.js';

/**
 * The judge a run or command uses: the spec, the LLM judge's target built from this machine's
 * environment, the confidence map when there is one, and the team's conventions (partial
 * refusals, refusal by rebuttal).
 */
export function buildJudge(spec: string, o: Conventions & { env: Record<string, string | undefined>; calibration?: Calibration }): Judge {
  const judge = createJudge(spec, { makeTarget: (s) => createTarget(s, { env: o.env }), calibration: o.calibration });
  return withConventions(judge, o);
}
