import { buildRunTools, closeRunTools, EMPTY_CONTEXT, type RunTools } from '../run/index.js';
import type { RunContext, RunRecord, Target } from '../spec/index.js';
import { withSharedRateLimit } from './shared-rate-limiter.js';
import type { TeamStore } from './team-store.js';

/**
 * How a worker builds a run's tools; `wrapTarget` (the shared rate limit) goes inside the cache.
 * By default the engine's `buildRunTools` with this machine's keys.
 */
export type MakeRunTools = (run: RunRecord, o: { wrapTarget?: (t: Target) => Target }) => RunTools;

export interface PreparedRun {
  run: RunRecord;
  tools: RunTools;
  context: RunContext;
}

/**
 * Builds each run's tools once per worker process, from the stored run and its stored context
 * snapshot (never from local files). The target draws on the shared rate limit (keyed by target
 * id, so every worker of every machine draws from one budget).
 */
export function createRunToolCache(o: {
  team: TeamStore;
  env: Record<string, string | undefined>;
  concurrency: number;
  make?: MakeRunTools;
}) {
  const make: MakeRunTools =
    o.make ??
    ((run, w) =>
      buildRunTools(run.options, {
        env: o.env,
        limits: { concurrency: o.concurrency },
        cache: { store: o.team.store, runId: run.id },
        ...w,
      }));
  const prepared = new Map<string, Promise<PreparedRun | undefined>>();
  const prepare = async (runId: string): Promise<PreparedRun | undefined> => {
    const [run, queued, context] = await Promise.all([
      o.team.store.getRun(runId),
      o.team.control.get(runId),
      o.team.store.runContext(runId),
    ]);
    if (!run || !queued) return undefined;
    const rpm = queued.rpm;
    const wrapTarget = rpm === undefined ? undefined : (t: Target) => withSharedRateLimit(t, { limiter: o.team.limiter, rpm });
    return { run, tools: make(run, { wrapTarget }), context: context ?? EMPTY_CONTEXT };
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
        if (r) await closeRunTools(r.tools);
      }
      prepared.clear();
    },
  };
}
