import type { Kysely } from 'kysely';
import { StoreError } from '../spec/index.js';
import { isPostgresUrl, migrateNamespace, openPostgres, type Store } from '../store/index.js';
import { distMigrations } from './dist-migrations.js';
import type { DistTables } from './dist-tables.js';
import { createRunControl, type RunControl } from './run-control.js';
import { createSharedRateLimiter, type SharedRateLimiter } from './shared-rate-limiter.js';

export interface TeamStore {
  url: string;
  store: Store;
  control: RunControl;
  limiter: SharedRateLimiter;
  close(): Promise<void>;
}

/** The shared Postgres a team's coordinators and workers meet in: runs and results, run switches, rate slots. */
export async function openTeamStore(url: string, o: { poolSize?: number } = {}): Promise<TeamStore> {
  if (!isPostgresUrl(url)) {
    throw new StoreError(
      `distributed runs need a shared Postgres store: pass --db postgres://user:pass@host/db or set REFUSAL_DRILL_DB (got "${url}")`,
    );
  }
  const opened = await openPostgres(url, { poolSize: o.poolSize });
  try {
    await migrateNamespace(opened.db, 'distributed', distMigrations, { schema: opened.schema ?? 'public' });
  } catch (e) {
    await opened.store.close();
    throw new StoreError(`cannot prepare ${opened.store.path} for distributed runs: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
  const db = opened.db as Kysely<DistTables>;
  return {
    url,
    store: opened.store,
    control: createRunControl(db),
    limiter: createSharedRateLimiter(db),
    close: () => opened.store.close(),
  };
}
