import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import pg from 'pg';
import { StoreError } from '../../spec/errors.js';
import type { AsyncStore } from './async-store.js';
import { coreKyselyMigrations } from './core-kysely-migrations.js';
import { isPostgresUrl, parsePostgresRef } from './db-ref.js';
import { migrateNamespace } from './kysely-migrate.js';
import { createKyselyStore } from './kysely-store.js';
import type { CoreTables } from './tables.js';

export interface OpenedAsyncStore {
  store: AsyncStore;
  /** The same connection, for modules that own tables of their own (with migrateNamespace). */
  db: Kysely<unknown>;
  /** The Postgres schema from `?schema=`, for migrateNamespace; undefined for SQLite or the default schema. */
  schema: string | undefined;
}

/** Opens the team store: a `postgres://` URL (optionally `?schema=name`) or a SQLite file; schema brought up to date. */
export async function openAsyncStore(ref: string, options: { poolSize?: number } = {}): Promise<OpenedAsyncStore> {
  const pgRef = isPostgresUrl(ref) ? safeParse(ref) : undefined;
  const display = pgRef ? pgRef.display : resolve(ref);
  let db: Kysely<CoreTables> | undefined;
  try {
    if (pgRef) {
      if (pgRef.schema) await ensureSchema(pgRef.connectionString, pgRef.schema);
      const pool = new pg.Pool({
        connectionString: pgRef.connectionString,
        max: options.poolSize ?? 10,
        options: pgRef.schema ? `-c search_path=${pgRef.schema}` : undefined,
      });
      db = new Kysely<CoreTables>({ dialect: new PostgresDialect({ pool }) });
    } else {
      mkdirSync(dirname(display), { recursive: true });
      const file = new Database(display, { timeout: 5000 });
      file.pragma('journal_mode = WAL');
      file.pragma('foreign_keys = ON');
      db = new Kysely<CoreTables>({ dialect: new SqliteDialect({ database: file }) });
    }
    await migrateNamespace(db as Kysely<unknown>, 'core', coreKyselyMigrations, { schema: pgRef ? (pgRef.schema ?? 'public') : undefined });
    const store = createKyselyStore({ db, dialect: pgRef ? 'postgres' : 'sqlite', path: display });
    return { store, db: db as Kysely<unknown>, schema: pgRef?.schema };
  } catch (e) {
    await db?.destroy().catch(() => undefined);
    if (StoreError.isInstance(e)) throw e;
    throw new StoreError(`cannot open store ${display}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

function safeParse(ref: string): ReturnType<typeof parsePostgresRef> {
  try {
    return parsePostgresRef(ref);
  } catch (e) {
    throw new StoreError(
      `--db ${ref.replace(/:[^:@/]*@/, ':***@')} is not a usable Postgres URL: ${e instanceof Error ? e.message : String(e)}`,
    );
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
