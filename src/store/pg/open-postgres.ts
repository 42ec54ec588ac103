import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { StoreError } from '../../spec/index.js';
import { coreMigrations } from '../core-migrations.js';
import { maskUrl, parsePostgresRef } from '../db-ref.js';
import type { Store } from '../store.js';
import { kyselyMigrations, migrateNamespace } from './migrate-namespace.js';
import { pgStore } from './pg-store.js';
import type { CoreTables } from './tables.js';

export interface OpenedPostgres {
  /** The run Store on this connection. */
  store: Store;
  /** The same pool, for modules with tables of their own (monitor, review, distributed). */
  db: Kysely<unknown>;
  /** The Postgres schema from `?schema=`, for migrateNamespace; undefined for the default schema. */
  schema: string | undefined;
  /** The URL with its password masked. */
  path: string;
  /** Ends the pool (the same as `store.close()`). */
  close(): Promise<void>;
}

/** Opens a team's Postgres (`postgres://…`, optionally `?schema=name`) with the core tables up to date. */
export async function openPostgres(url: string, options: { poolSize?: number } = {}): Promise<OpenedPostgres> {
  const ref = safeParse(url);
  let db: Kysely<CoreTables> | undefined;
  try {
    if (ref.schema) await ensureSchema(ref.connectionString, ref.schema);
    const pool = new pg.Pool({
      connectionString: ref.connectionString,
      max: options.poolSize ?? 10,
      options: ref.schema ? `-c search_path=${ref.schema}` : undefined,
    });
    db = new Kysely<CoreTables>({ dialect: new PostgresDialect({ pool }) });
    await migrateNamespace(db as Kysely<unknown>, 'core', kyselyMigrations(coreMigrations), { schema: ref.schema ?? 'public' });
    const store = pgStore({ db, path: ref.display });
    return { store, db: db as Kysely<unknown>, schema: ref.schema, path: ref.display, close: () => store.close() };
  } catch (e) {
    await db?.destroy().catch(() => undefined);
    if (StoreError.isInstance(e)) throw e;
    throw new StoreError(`cannot open store ${ref.display}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

function safeParse(url: string): ReturnType<typeof parsePostgresRef> {
  try {
    return parsePostgresRef(url);
  } catch (e) {
    throw new StoreError(`--db ${maskUrl(url)} is not a usable Postgres URL: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Several machines may start at once; a concurrent CREATE SCHEMA losing the race is fine. */
async function ensureSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    if (code !== '23505' && code !== '42P06') throw e;
  } finally {
    await client.end();
  }
}
