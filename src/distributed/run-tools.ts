import type { Judge, RunRecord, Target } from '../spec/index.js';
import type { ContextSnapshot } from './case-context-snapshot.js';
import { withAsyncCache } from './async-cache.js';
import { withSharedRateLimit } from './shared-rate-limiter.js';
import type { TeamStore } from './team-store.js';

/** What a worker needs to run a run's cases: built from the stored run, never from local files. */
export interface RunTools {
  target: Target;
  judge: Judge;
  attacker?: Target;
}

export type MakeRunTools = (run: RunRecord) => RunTools;

export interface PreparedRun {
  run: RunRecord;
  tools: RunTools;
  context: ContextSnapshot;
}

/**
 * Builds each run's tools once per worker process. The target is wrapped in the shared rate limit
 * (keyed by target id, so every worker of every machine draws from one budget) and the shared cache.
 */
export function createRunToolCache(o: { team: TeamStore; make: MakeRunTools }) {
  const prepared = new Map<string, Promise<PreparedRun | undefined>>();
  const prepare = async (runId: string): Promise<PreparedRun | undefined> => {
    const [run, queued] = await Promise.all([o.team.store.getRun(runId), o.team.control.get(runId)]);
    if (!run || !queued) return undefined;
    const made = o.make(run);
    let target = made.target;
    if (queued.rpm !== undefined) target = withSharedRateLimit(target, { limiter: o.team.limiter, rpm: queued.rpm });
    if (run.options.cache) target = withAsyncCache(target, o.team.store);
    return { run, tools: { ...made, target }, context: queued.context };
  };
  return {
    get(runId: string): Promise<PreparedRun | undefined> {
      let p = prepared.get(runId);
      if (!p) {
        p = prepare(runId);
        prepared.set(runId, p);
        // A failed build is not cached: the next job tries again (the store may have been briefly away).
        p.catch(() => prepared.delete(runId));
      }
      return p;
    },
    async closeAll(): Promise<void> {
      for (const p of prepared.values()) {
        const r = await p.catch(() => undefined);
        await r?.tools.target.close?.();
        await r?.tools.attacker?.close?.();
      }
      prepared.clear();
    },
  };
}
