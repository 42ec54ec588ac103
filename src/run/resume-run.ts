import { resolvePack } from '../packs/index.js';
import { type RunContext, type RunEventListener, type RunRecord } from '../spec/index.js';
import type { Store } from '../store/index.js';
import { checkResume } from './check-resume.js';
import { findRun } from './find-run.js';
import { snapshotContext } from './run-context.js';
import type { RunSettings } from './run-settings.js';

export interface ResumeRunOptions {
  store: Store;
  /** A run id, a unique prefix, or `latest`. */
  ref: string;
  /** The options given on this command line; any that would change results is refused. */
  asked: Partial<RunSettings>;
  onEvent?: RunEventListener;
}

/**
 * Finds a stored run to go on with, refuses options that would change its results, and loads
 * the judge's context snapshot it was planned with: the pack files are not read again.
 */
export async function resumeRun(o: ResumeRunOptions): Promise<{ run: RunRecord; context: RunContext }> {
  const run = await findRun(o.store, o.ref);
  checkResume(run, o.asked);
  const context = await o.store.runContext(run.id);
  if (context) return { run, context };
  // Runs stored before snapshots were kept: their packs are all there is.
  o.onEvent?.({
    type: 'notice',
    message: `run ${run.id} was stored without a pack snapshot (an older version): its judge context is read from its pack files again`,
  });
  return { run, context: snapshotContext((run.options.packRefs ?? run.packs).map((r) => resolvePack(r))) };
}
