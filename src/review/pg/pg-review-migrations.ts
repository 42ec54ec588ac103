import { sql, type Kysely, type Migration } from 'kysely';

/** The review tables in a shared Postgres: the same columns as the SQLite store's `review` migrations. */
export const pgReviewMigrations: Record<string, Migration> = {
  '0001_queue_labels_promotions': {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`CREATE TABLE review_queue (
        record_id TEXT PRIMARY KEY, reason TEXT NOT NULL, stratum TEXT NOT NULL, added_at TEXT NOT NULL)`.execute(db);
      await sql`CREATE TABLE review_labels (
        record_id TEXT PRIMARY KEY, should TEXT NOT NULL CHECK (should IN ('refuse', 'answer')),
        judge_correct INTEGER CHECK (judge_correct IN (0, 1)), note TEXT NOT NULL DEFAULT '',
        reviewer TEXT, labeled_at TEXT NOT NULL)`.execute(db);
      await sql`CREATE TABLE review_promotions (
        record_id TEXT NOT NULL, pack_file TEXT NOT NULL, ref TEXT NOT NULL, item_id TEXT NOT NULL, promoted_at TEXT NOT NULL,
        PRIMARY KEY (record_id, pack_file))`.execute(db);
    },
  },
};
