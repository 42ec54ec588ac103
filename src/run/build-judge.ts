import { createJudge, withConventions, type Conventions } from '../judges/index.js';
import type { Calibration, Judge } from '../spec/index.js';
import { createTarget } from '../targets/index.js';
import { buildRole, labelErrors } from './role-target.js';

/**
 * The judge a run or command uses: the spec, the LLM judge's target built from this machine's
 * environment (and its own base URL, never the drilled model's), the confidence map when there is one, and the team's conventions (partial
 * refusals, refusal by rebuttal).
 */
export function buildJudge(
  spec: string,
  o: Conventions & { env: Record<string, string | undefined>; calibration?: Calibration; baseUrl?: string },
): Judge {
  const makeTarget = (s: string) =>
    labelErrors(
      'judge',
      buildRole('judge', s, () => createTarget(s, { env: o.env, baseUrl: o.baseUrl })),
    );
  const judge = createJudge(spec, { makeTarget, calibration: o.calibration });
  return withConventions(judge, o);
}
