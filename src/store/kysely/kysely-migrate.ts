import { Migrator, type Kysely, type Migration } from 'kysely';

/**
 * Applies one namespace's migrations through Kysely's Migrator. Each namespace keeps its own
 * bookkeeping tables so modules (core store, distributed queue state) evolve apart, like the
 * SQLite store's `schema_migrations(namespace, …)`. The Migrator's lock serialises machines that
 * start at once against the same Postgres — but creating the bookkeeping tables themselves is not
 * under that lock, and concurrent CREATE TABLE IF NOT EXISTS can fail in Postgres; the loser
 * tries again once they exist.
 */
export async function migrateNamespace(
  db: Kysely<unknown>,
  namespace: string,
  migrations: Record<string, Migration>,
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
