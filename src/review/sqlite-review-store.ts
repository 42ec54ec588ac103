import type { Database } from 'better-sqlite3';
import { resolveRecordId, saveLabel } from './review-label.js';
import { ensureReviewSchema } from './review-migrations.js';
import { listQueue, queueCounts, refreshQueue } from './review-queue.js';
import type { AgreementRow } from './agreement.js';
import type { PromoteRow, ReviewStore } from './review-store.js';

/** The review queue in the local SQLite store, over the synchronous functions of this module. */
export function sqliteReviewStore(db: Database): ReviewStore {
  ensureReviewSchema(db);
  return {
    refreshQueue: (o) => Promise.resolve(refreshQueue(db, o)),
    listQueue: (o) => Promise.resolve(listQueue(db, o)),
    queueCounts: () => Promise.resolve(queueCounts(db)),
    saveLabel: async (input) => saveLabel(db, input),
    resolveRecordId: async (ref) => resolveRecordId(db, ref),
    agreementRows: () =>
      Promise.resolve(
        db
          .prepare<[], AgreementRow>(
            `SELECT r.verdict, r.judge, r.ts_ms, l.should, l.judge_correct
             FROM review_labels l JOIN monitor_records r ON r.id = l.record_id WHERE r.verdict != 'error' ORDER BY r.ts_ms`,
          )
          .all(),
      ),
    promotionCandidates: (file) =>
      Promise.resolve(
        db
          .prepare<[string], PromoteRow>(
            `SELECT l.record_id, r.prompt, r.ts_ms, r.verdict, l.should, l.judge_correct, l.note
             FROM review_labels l JOIN monitor_records r ON r.id = l.record_id
             WHERE NOT EXISTS (SELECT 1 FROM review_promotions p WHERE p.record_id = l.record_id AND p.pack_file = ?)
             ORDER BY r.ts_ms, l.record_id`,
          )
          .all(file),
      ),
    recordPromotions: (file, done) => {
      const insert = db.prepare('INSERT OR REPLACE INTO review_promotions (record_id, pack_file, ref, item_id, promoted_at) VALUES (?, ?, ?, ?, ?)');
      const now = new Date().toISOString();
      db.transaction(() => done.forEach((d) => insert.run(d.recordId, file, d.ref, d.itemId, now)))();
      return Promise.resolve();
    },
    recordsVersion: () => Promise.resolve(db.prepare<[], { m: number | null }>('SELECT MAX(rowid) AS m FROM monitor_records').get()?.m ?? 0),
  };
}
