import { InputError, UsageError, type RunRecord } from '../spec/index.js';
import type { Store } from '../store/index.js';

/**
 * A stored run by full id, unique prefix or `latest`. A prefix several runs share is refused with
 * the runs it matches (never one picked for the user); an unknown one names the store and how to list it.
 */
export async function findRun(store: Pick<Store, 'getRun' | 'runIdsByPrefix' | 'path'>, ref: string, what = 'run'): Promise<RunRecord> {
  const run = await store.getRun(ref);
  if (run) return run;
  const matches = ref === '' ? [] : await store.runIdsByPrefix(ref, 6);
  if (matches.length > 1)
    throw new UsageError(
      `${what} "${ref}" is ambiguous: it starts ${matches.length > 5 ? 'more than 5 run ids' : `${matches.length} run ids`} in ${store.path}: ${matches.slice(0, 5).join(', ')}${matches.length > 5 ? ', …' : ''}; give more of the id`,
    );
  throw new InputError(`no ${what} "${ref}" in ${store.path} (list the stored runs with: refusal-drill runs)`);
}
