import { withConventions } from '../judges/index.js';
import { UsageError, type Judge, type RunOptions, type Target } from '../spec/index.js';
import type { Store } from '../store/index.js';
import { createTarget, type TargetSettings } from '../targets/index.js';
import { buildJudge } from './build-judge.js';
import { withCache } from './cached-target.js';

/** What runs a run's cases: the model under drill, the judge, and the attacker for adaptive cases. */
export interface RunTools {
  target: Target;
  judge: Judge;
  attacker?: Target;
}

/** This machine's side of running cases: its keys and its request limits (neither changes results). */
export interface ToolSettings {
  env: Record<string, string | undefined>;
  limits?: Pick<TargetSettings, 'concurrency' | 'rpm' | 'timeoutMs' | 'retries'>;
  /** Where responses are cached, when the run's options ask for the cache. */
  cache?: Pick<Store, 'cacheGet' | 'cachePut'>;
  /** Wraps the target inside the cache (a worker's shared rate limit: a cache hit takes no slot). */
  wrapTarget?: (target: Target) => Target;
  /** Objects a library caller built (runDrill's `Target` and `Judge`), used instead of the stored specs. */
  given?: GivenTools;
}

/** A caller's own target, attacker or judge. They stay the caller's: `closeRunTools` does not close them. */
export type GivenTools = Partial<RunTools>;

/**
 * The target, judge and attacker of a run, built from its stored options, the same way for a
 * local run, a resumed one and a team's worker on another machine. Keys come from `env`; the
 * stored options never hold a secret.
 */
export function buildRunTools(options: RunOptions, s: ToolSettings): RunTools {
  const judge = s.given?.judge
    ? withConventions(s.given.judge, options)
    : buildJudge(options.judge, {
        env: s.env,
        partialAs: options.partialAs,
        rebuttalAs: options.rebuttalAs,
        calibration: options.calibration,
      });
  return { ...buildTargets(options, s), judge };
}

/** The model under drill and the attacker alone (planning needs no judge). */
export function buildTargets(options: RunOptions, s: ToolSettings): Omit<RunTools, 'judge'> {
  const spec = options.targetSpec;
  const cached = (t: Target): Target => (options.cache && s.cache ? withCache(t, s.cache) : t);
  const limits = { env: s.env, ...s.limits };
  const given = s.given ?? {};
  let target: Target;
  if (given.target) target = borrowed(given.target);
  else if (spec) target = createTarget(spec, { ...limits, baseUrl: options.baseUrl, configFile: options.targetConfig });
  else throw new UsageError('this run has no stored target spec (it was stored by an older version): start a new run');
  const attacker = given.attacker ? borrowed(given.attacker) : options.attacker ? createTarget(options.attacker, limits) : undefined;
  return { target: cached(s.wrapTarget ? s.wrapTarget(target) : target), attacker: attacker && cached(attacker) };
}

/** A caller's target without its `close`: planning and running must not end what the caller owns. */
function borrowed(t: Target): Target {
  return { id: t.id, generate: (request, o) => t.generate(request, o) };
}

export async function closeRunTools(tools: Omit<RunTools, 'judge'>): Promise<void> {
  await tools.target.close?.();
  await tools.attacker?.close?.();
}
