import type { CaseResult, RunRecord } from '../spec/index.js';
import { isPostgresUrl } from './kysely/db-ref.js';
import { openStore } from './open-store.js';
import type { Store } from './store.js';

/**
 * The run reads that reports, `runs` and the dashboard need, the same on either store: the team
 * store (AsyncStore) has them as they are, the SQLite Store is wrapped.
 */
export interface RunReader {
  /** A file path, or the Postgres URL with its password masked. */
  readonly path: string;
  listRuns(): Promise<RunRecord[]>;
  /** A full id, a unique prefix, or `latest`. */
  getRun(ref: string): Promise<RunRecord | undefined>;
  results(runId: string): Promise<CaseResult[]>;
}

export function syncRunReader(store: Store): RunReader {
  return {
    path: store.path,
    listRuns: () => Promise.resolve(store.listRuns()),
    getRun: (ref) => Promise.resolve(store.getRun(ref)),
    results: (runId) => Promise.resolve(store.results(runId)),
  };
}

/** Opens `db` (a SQLite file or a `postgres://` URL) for reading runs, and closes it after `fn`. */
export async function withRunReader<T>(db: string, fn: (runs: RunReader) => Promise<T>): Promise<T> {
  if (isPostgresUrl(db)) {
    // Team-mode libraries load only when a Postgres URL is given.
    const { openAsyncStore } = await import('./kysely/open-async-store.js');
    const { store } = await openAsyncStore(db, { poolSize: 2 });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  }
  const store = openStore(db);
  try {
    return await fn(syncRunReader(store));
  } finally {
    store.close();
  }
}
