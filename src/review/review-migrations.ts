import type { Database } from 'better-sqlite3';
import { ensureMonitorSchema } from '../monitor/index.js';
import { applyMigrations, type Migration } from '../store/index.js';
import { fnv1a } from '../util/index.js';

/** Review tables; they refer to monitor records by id, so the monitor schema comes first. */
export const reviewMigrations: Migration[] = [
  {
    version: 1,
    name: 'queue, labels, promotions',
    up: `
      CREATE TABLE review_queue (
        record_id TEXT PRIMARY KEY, reason TEXT NOT NULL, stratum TEXT NOT NULL, added_at TEXT NOT NULL);
      CREATE TABLE review_labels (
        record_id TEXT PRIMARY KEY, should TEXT NOT NULL CHECK (should IN ('refuse', 'answer')),
        judge_correct INTEGER CHECK (judge_correct IN (0, 1)), note TEXT NOT NULL DEFAULT '',
        reviewer TEXT, labeled_at TEXT NOT NULL);
      CREATE TABLE review_promotions (
        record_id TEXT NOT NULL, pack_file TEXT NOT NULL, ref TEXT NOT NULL, item_id TEXT NOT NULL, promoted_at TEXT NOT NULL,
        PRIMARY KEY (record_id, pack_file));
    `,
  },
];

const ready = new WeakSet<Database>();

export function ensureReviewSchema(db: Database): void {
  if (ready.has(db)) return;
  ensureMonitorSchema(db);
  applyMigrations(db, 'review', reviewMigrations);
  // A seeded, deterministic order for sampling inside SQL: the same seed picks the same records.
  db.function('rd_seeded_rank', { deterministic: true }, (seed: unknown, id: unknown) => fnv1a(`${String(seed)}:${String(id)}`));
  ready.add(db);
}
