import type { Kysely, Migration as KyselyMigration } from 'kysely';
import type { OpenedPostgres } from './pg/open-postgres.js';

// Team mode's libraries (pg, kysely) load only when a Postgres URL is used: a local run never pays for them.

/** Opens a team's Postgres with the core tables up to date; the pool is shared with modules that own tables. */
export async function openPostgres(url: string, options: { poolSize?: number } = {}): Promise<OpenedPostgres> {
  return (await import('./pg/open-postgres.js')).openPostgres(url, options);
}

/** Brings one module's tables in a Postgres up to date (its own namespace of migrations). */
export async function migrateNamespace(
  db: Kysely<unknown>,
  namespace: string,
  migrations: Record<string, KyselyMigration>,
  options: { schema?: string } = {},
): Promise<void> {
  return (await import('./pg/migrate-namespace.js')).migrateNamespace(db, namespace, migrations, options);
}
