import type { Kysely, Migration } from 'kysely';

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
};
