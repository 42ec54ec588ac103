import type { Database } from 'better-sqlite3';
import { resolveRecordId, saveLabel } from './review-label.js';
import { ensureReviewSchema } from './review-migrations.js';
import { listQueue, queueCounts, queuePage, refreshQueue } from './review-queue.js';
import type { AgreementRow } from './agreement.js';
import type { CalibrationRow, PromoteRow, ReviewStore } from './review-store.js';

const DAY = 86_400_000;

/** The review queue in the local SQLite store, over the synchronous functions of this module. */
export function sqliteReviewStore(db: Database): ReviewStore {
  ensureReviewSchema(db);
  return {
    refreshQueue: (o) => Promise.resolve(refreshQueue(db, o)),
    listQueue: (o) => Promise.resolve(listQueue(db, o)),
    queuePage: (q) => Promise.resolve(queuePage(db, q)),
    queueCounts: () => Promise.resolve(queueCounts(db)),
    saveLabel: async (input) => saveLabel(db, input),
    resolveRecordId: async (ref) => resolveRecordId(db, ref),
    agreementRows: () =>
      Promise.resolve(
        db
          .prepare<[], AgreementRow>(
            `SELECT r.verdict, r.judge, r.ts_ms, l.should, l.judge_correct, l.reviewer
             FROM review_labels l JOIN monitor_records r ON r.id = l.record_id WHERE r.verdict NOT IN ('error', 'not_understood') ORDER BY r.ts_ms`,
          )
          .all(),
      ),
    calibrationRows: (judge) =>
      Promise.resolve(
        db
          .prepare<{ judge: string; day: number }, CalibrationRow>(
            `WITH lab AS (
               SELECT r.confidence, r.verdict, l.judge_correct, q.reason, l.reviewer,
                 CASE WHEN q.reason = 'sample' THEN 's:' || (r.ts_ms / CAST(@day AS INTEGER)) || ':' || r.verdict ELSE 'f:' || (r.ts_ms / CAST(@day AS INTEGER)) || ':' || r.flags END AS k
               FROM review_labels l JOIN review_queue q ON q.record_id = l.record_id JOIN monitor_records r ON r.id = l.record_id
               WHERE r.judge = @judge AND r.verdict NOT IN ('error', 'not_understood') AND l.judge_correct IS NOT NULL),
             pop AS (
               SELECT CASE WHEN flags = '' THEN 's:' || (ts_ms / CAST(@day AS INTEGER)) || ':' || verdict ELSE 'f:' || (ts_ms / CAST(@day AS INTEGER)) || ':' || flags END AS k, COUNT(*) AS n
               FROM monitor_records WHERE judge = @judge AND verdict NOT IN ('error', 'not_understood') GROUP BY k)
             SELECT lab.confidence, lab.verdict, lab.judge_correct, lab.reason, lab.reviewer, COALESCE(pop.n, 0) AS population, COUNT(*) OVER (PARTITION BY lab.k) AS labelled
             FROM lab LEFT JOIN pop ON pop.k = lab.k`,
          )
          .all({ judge, day: DAY }),
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
      const insert = db.prepare(
        'INSERT OR REPLACE INTO review_promotions (record_id, pack_file, ref, item_id, promoted_at) VALUES (?, ?, ?, ?, ?)',
      );
      const now = new Date().toISOString();
      db.transaction(() => done.forEach((d) => insert.run(d.recordId, file, d.ref, d.itemId, now)))();
      return Promise.resolve();
    },
    recordsVersion: () =>
      Promise.resolve(db.prepare<[], { m: number | null }>('SELECT MAX(rowid) AS m FROM monitor_records').get()?.m ?? 0),
  };
}
