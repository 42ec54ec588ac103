import type { MakeRunTools } from '../../distributed/index.js';
import { buildJudge } from '../build-judge.js';
import { UsageError } from '../../spec/index.js';
import { createTarget } from '../../targets/create-target.js';

/**
 * How a worker rebuilds a queued run's target, judge and attacker from the stored run options.
 * Keys come from this machine's environment; the stored run never holds a secret.
 */
export function queueRunTools(o: { env: Record<string, string | undefined>; concurrency: number }): MakeRunTools {
  return (run) => {
    const spec = run.options.targetSpec;
    if (!spec) throw new UsageError(`run ${run.id} has no stored target spec; it cannot be run by a worker`);
    const settings = { baseUrl: run.options.baseUrl, configFile: run.options.targetConfig, env: o.env, concurrency: o.concurrency };
    return {
      target: createTarget(spec, settings),
      judge: buildJudge(run.options.judge, { env: o.env, partialAs: run.options.partialAs, calibration: run.options.calibration }),
      attacker: run.options.attacker ? createTarget(run.options.attacker, { env: o.env, concurrency: o.concurrency }) : undefined,
    };
  };
}
