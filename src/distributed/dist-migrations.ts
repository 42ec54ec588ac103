import { sql, type Kysely, type Migration } from 'kysely';

export const distMigrations: Record<string, Migration> = {
  '0001_queued_runs_rate_slots': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('queued_runs')
        .addColumn('run_id', 'text', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('rpm', 'double precision')
        .addColumn('job_timeout_s', 'integer', (c) => c.notNull())
        .addColumn('context', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('rate_slots')
        .addColumn('target_id', 'text', (c) => c.primaryKey())
        .addColumn('next_ms', 'double precision', (c) => c.notNull())
        .execute();
    },
  },
  // The judge's context snapshot is the run's own now (core table run_contexts, kept for local runs too).
  '0002_context_to_run_contexts': {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`INSERT INTO run_contexts (run_id, body)
        SELECT q.run_id, q.context FROM queued_runs q JOIN runs r ON r.id = q.run_id
        ON CONFLICT (run_id) DO NOTHING`.execute(db);
      await db.schema.alterTable('queued_runs').dropColumn('context').execute();
    },
  },
};
