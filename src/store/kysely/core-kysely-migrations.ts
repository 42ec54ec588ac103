import type { Kysely, Migration } from 'kysely';

/**
 * The core schema for the async store, written with Kysely's schema builder so the same
 * migration runs on SQLite and Postgres. Names are sortable: Kysely applies them in order.
 * Same tables as src/store/core-migrations.ts; `double precision` keeps REAL affinity in SQLite.
 */
export const coreKyselyMigrations: Record<string, Migration> = {
  '0001_runs_cases_results_cache': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('cases')
        .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id'))
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('ord', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cases_pk', ['run_id', 'case_id'])
        .execute();
      await db.schema
        .createTable('results')
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('results_pk', ['run_id', 'case_id'])
        .addForeignKeyConstraint('results_case_fk', ['run_id', 'case_id'], 'cases', ['run_id', 'case_id'])
        .execute();
      await db.schema
        .createTable('response_cache')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0002_audit_marks': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('audit_marks')
        .addColumn('prompt_hash', 'text', (c) => c.primaryKey())
        .addColumn('prompt', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('score', 'double precision', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('audited_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
