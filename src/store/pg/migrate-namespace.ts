import { Migrator, sql, type Kysely, type Migration as KyselyMigration } from 'kysely';
import { migrationStatements, type Migration } from '../migration.js';

/**
 * Applies one namespace's migrations to a Postgres database through Kysely's Migrator. Each
 * namespace keeps its own bookkeeping tables so modules (core store, distributed queue state,
 * monitor) evolve apart, like SQLite's `schema_migrations(namespace, …)`. The Migrator's lock serialises machines that
 * start at once against the same Postgres — but creating the bookkeeping tables themselves is not
 * under that lock, and concurrent CREATE TABLE IF NOT EXISTS can fail in Postgres; the loser
 * tries again once they exist.
 */
export async function migrateNamespace(
  db: Kysely<unknown>,
  namespace: string,
  migrations: Record<string, KyselyMigration>,
  options: { schema?: string } = {},
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: `kysely_migration_${namespace}`,
    migrationLockTableName: `kysely_migration_lock_${namespace}`,
    // Kysely looks for its own tables across all schemas unless told which one is ours.
    migrationTableSchema: options.schema,
  });
  let outcome = await migrator.migrateToLatest();
  for (let attempt = 1; outcome.error !== undefined && attempt < 3; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    outcome = await migrator.migrateToLatest();
  }
  const { error, results } = outcome;
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error');
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${namespace}/${failed?.migrationName ?? '?'} failed: ${message}`, { cause: error });
  }
}

/** A portable SQL migration set as Kysely migrations, named `0001_<name>` so they apply in order. */
export function kyselyMigrations(migrations: Migration[]): Record<string, KyselyMigration> {
  return Object.fromEntries(
    migrations.map((m) => [
      `${String(m.version).padStart(4, '0')}_${m.name}`,
      {
        async up(db: Kysely<unknown>): Promise<void> {
          for (const statement of migrationStatements(m)) await sql.raw(statement).execute(db);
        },
      },
    ]),
  );
}
