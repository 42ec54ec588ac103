import { isPostgresUrl } from './db-ref.js';
import { openPostgres } from './postgres.js';
import { openSqliteFile } from './sqlite/sqlite-file.js';
import { sqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** SQLite: how long to wait on another writer's lock. */
  busyTimeoutMs?: number;
  /** Postgres: connections in the pool. */
  poolSize?: number;
}

/** Opens the store `ref` names: a SQLite file (created if needed) or a `postgres://` URL; schema brought up to date. */
export async function openStore(ref: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(ref)) return (await openPostgres(ref, { poolSize: options.poolSize })).store;
  return sqliteStore(openSqliteFile(ref, { busyTimeoutMs: options.busyTimeoutMs }));
}
