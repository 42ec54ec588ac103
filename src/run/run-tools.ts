import { withConventions } from '../judges/index.js';
import { UsageError, type Judge, type RunOptions, type Target } from '../spec/index.js';
import type { Store } from '../store/index.js';
import { createTarget, type TargetSettings } from '../targets/index.js';
import { buildJudge } from './build-judge.js';
import { withCache } from './cached-target.js';
import { buildRole, labelErrors } from './role-target.js';

/** What runs a run's cases: the model under drill, the judge, and the attacker for adaptive cases. */
export interface RunTools {
  target: Target;
  judge: Judge;
  attacker?: Target;
}

/** This machine's side of running cases: its keys and its request limits (neither changes results). */
export interface ToolSettings {
  env: Record<string, string | undefined>;
  limits?: Pick<TargetSettings, 'concurrency' | 'rpm' | 'timeoutMs' | 'retries' | 'maxResponseBytes'>;
  /** Where answers are kept and read back (within the scope the run's options allow), and which run asks. */
  cache?: { store: Pick<Store, 'cacheGet' | 'cachePut'>; runId: string };
  /** Wraps the target inside the cache (a worker's shared rate limit: a cache hit takes no slot). */
  wrapTarget?: (target: Target) => Target;
  /**
   * The base URL as this command line gave it, credentials and all; they are never stored, so a
   * resume or a worker of a run whose URL had some must be given it again.
   */
  baseUrl?: string;
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
        baseUrl: options.judgeBaseUrl,
        partialAs: options.partialAs,
        rebuttalAs: options.rebuttalAs,
        calibration: options.calibration,
      });
  return { ...buildTargets(options, s), judge };
}

/** The model under drill and the attacker alone (planning needs no judge). */
export function buildTargets(options: RunOptions, s: ToolSettings): Omit<RunTools, 'judge'> {
  const spec = options.targetSpec;
  const c = s.cache;
  // The attacker's rephrasings are drill content, not the drilled model's answers: any earlier run's
  // are reused (so two runs drill the same text) unless --no-cache; the model's only as the run allows.
  const cached = (t: Target, reuse = options.reuse): Target =>
    c ? withCache(t, { store: c.store, read: options.cache, scope: { runId: c.runId, reuse } }) : t;
  const limits = { env: s.env, ...s.limits };
  const given = s.given ?? {};
  let target: Target;
  if (given.target) target = borrowed(given.target);
  else if (spec)
    target = buildRole('target', spec, () =>
      createTarget(spec, { ...limits, baseUrl: endpointOf(options, s), configFile: options.targetConfig }),
    );
  else throw new UsageError('this run has no stored target spec (it was stored by an older version): start a new run');
  const a = options.attacker;
  const attacker = given.attacker
    ? borrowed(given.attacker)
    : a
      ? labelErrors(
          'attacker',
          buildRole('attacker', a, () => createTarget(a, { ...limits, baseUrl: options.attackerBaseUrl })),
        )
      : undefined;
  return { target: cached(s.wrapTarget ? s.wrapTarget(target) : target), attacker: attacker && cached(attacker, 'any') };
}

function endpointOf(options: RunOptions, s: ToolSettings): string | undefined {
  if (s.baseUrl !== undefined) return s.baseUrl;
  if (options.baseUrlCredentials)
    throw new UsageError(
      `this run's --base-url carried credentials (user:password@ or a key in the query), which are never stored: give --base-url ${options.baseUrl ?? ''} again with them`,
    );
  return options.baseUrl;
}

/** A caller's target without its `close`: planning and running must not end what the caller owns. */
function borrowed(t: Target): Target {
  return { id: t.id, generate: (request, o) => t.generate(request, o) };
}

export async function closeRunTools(tools: Omit<RunTools, 'judge'>): Promise<void> {
  await tools.target.close?.();
  await tools.attacker?.close?.();
}
