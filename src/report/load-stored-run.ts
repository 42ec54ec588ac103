import { existsSync, statSync } from 'node:fs';
import { InputError } from '../spec/index.js';
import { isPostgresUrl } from '../store/kysely/db-ref.js';
import { withRunReader } from '../store/run-reader.js';
import { loadRun, type LoadedRun } from './load-run.js';

/**
 * `loadRun`, plus runs in a team's Postgres (`--db postgres://…` or REFUSAL_DRILL_DB): a queued run
 * can be reported, gated and compared from any machine, not only by the coordinator that wrote `--out`.
 */
export async function loadStoredRun(ref: string, options: { db: string }): Promise<LoadedRun> {
  if (!isPostgresUrl(options.db) || (existsSync(ref) && statSync(ref).isDirectory())) return loadRun(ref, options);
  return withRunReader(options.db, async (store) => {
    const run = await store.getRun(ref);
    if (!run)
      throw new InputError(`no run "${ref}" in ${store.path} and no such directory (list runs with: refusal-drill runs --db <url>)`);
    return { run, results: await store.results(run.id) };
  });
}
