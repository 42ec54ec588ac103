import { sql, type Kysely } from 'kysely';
import { InputError } from '../../spec/index.js';
import type { AgreementRow } from '../agreement.js';
import { parseLabel, type ReviewLabel } from '../review-label.js';
import type { QueuePageQuery } from '../queue-cursor.js';
import { pgQueuePage } from './pg-queue-page.js';
import type { CalibrationRow, PromoteRow, ReviewStore } from '../review-store.js';

const DAY = 86_400_000;

/**
 * The review queue in a shared Postgres, so several reviewers work one queue. Sampling is seeded
 * like the SQLite store's (a hash of seed and record id orders each stratum; md5 here), and every
 * write is idempotent under concurrency: ON CONFLICT on the queue and on labels.
 */
export function pgReviewStore(db: Kysely<unknown>): ReviewStore {
  const queuePage = (q: QueuePageQuery = {}) => pgQueuePage(db, q);
  return {
    refreshQueue: async (o = {}) => {
      const seed = String(o.seed ?? 1);
      const w = Math.round(o.stratumMs ?? DAY);
      const now = new Date().toISOString();
      return db.transaction().execute(async (tx) => {
        const flagged = await sql`INSERT INTO review_queue (record_id, reason, stratum, added_at)
          SELECT id, flags, stratum, ${now} FROM (
            SELECT id, flags, (ts_ms / ${w})::text || ':' || flags AS stratum,
              ROW_NUMBER() OVER (PARTITION BY ts_ms / ${w}, flags ORDER BY md5(${seed}::text || ':' || id)) AS rn
            FROM monitor_records WHERE flags <> '') t
          WHERE rn <= ${o.flaggedPerStratum ?? 50} OR flags LIKE '%leak' ON CONFLICT (record_id) DO NOTHING`.execute(tx);
        const sampled = await sql`INSERT INTO review_queue (record_id, reason, stratum, added_at)
          SELECT id, 'sample', stratum, ${now} FROM (
            SELECT id, (ts_ms / ${w})::text || ':' || verdict AS stratum,
              ROW_NUMBER() OVER (PARTITION BY ts_ms / ${w}, verdict ORDER BY md5(${seed}::text || ':' || id)) AS rn
            FROM monitor_records WHERE verdict <> 'error' AND flags = '') t
          WHERE rn <= ${o.perStratum ?? 5} ON CONFLICT (record_id) DO NOTHING`.execute(tx);
        return { added: Number(flagged.numAffectedRows ?? 0n) + Number(sampled.numAffectedRows ?? 0n) };
      });
    },
    queuePage,
    listQueue: async (o = {}) => (await queuePage(o)).items,
    queueCounts: async () => {
      const r = await sql<{ total: number; labeled: number }>`SELECT COUNT(*)::int AS total, COUNT(l.record_id)::int AS labeled
        FROM review_queue q LEFT JOIN review_labels l ON l.record_id = q.record_id`.execute(db);
      const row = r.rows[0] ?? { total: 0, labeled: 0 };
      return { total: row.total, labeled: row.labeled, pending: row.total - row.labeled };
    },
    saveLabel: async (input) => {
      const l = parseLabel(input);
      const exists = await sql`SELECT 1 FROM monitor_records WHERE id = ${l.recordId}`.execute(db);
      if (exists.rows.length === 0) throw new InputError(`label: recordId: no monitor record "${l.recordId}"`);
      const label: ReviewLabel = { ...l, labeledAt: new Date().toISOString() };
      await sql`INSERT INTO review_labels (record_id, should, judge_correct, note, reviewer, labeled_at)
        VALUES (${label.recordId}, ${label.should}, ${label.judgeCorrect === null ? null : Number(label.judgeCorrect)}, ${label.note}, ${label.reviewer}, ${label.labeledAt})
        ON CONFLICT (record_id) DO UPDATE SET should = EXCLUDED.should, judge_correct = EXCLUDED.judge_correct, note = EXCLUDED.note,
          reviewer = EXCLUDED.reviewer, labeled_at = EXCLUDED.labeled_at`.execute(db);
      return label;
    },
    resolveRecordId: async (ref) => {
      const prefix = ref.replace(/[%_\\]/g, '');
      const r = await sql<{ id: string }>`SELECT id FROM monitor_records WHERE id LIKE ${`${prefix}%`} LIMIT 2`.execute(db);
      if (r.rows.length === 1) return (r.rows[0] as { id: string }).id;
      throw new InputError(r.rows.length ? `record "${ref}" is ambiguous: give more of its id` : `no monitor record "${ref}"`);
    },
    agreementRows: async () =>
      (
        await sql<AgreementRow>`SELECT r.verdict, r.judge, r.ts_ms::float8 AS ts_ms, l.should, l.judge_correct, l.reviewer
          FROM review_labels l JOIN monitor_records r ON r.id = l.record_id WHERE r.verdict NOT IN ('error', 'not_understood') ORDER BY r.ts_ms`.execute(
          db,
        )
      ).rows,
    calibrationRows: async (judge) =>
      (
        await sql<CalibrationRow>`WITH lab AS (
            SELECT r.confidence, r.verdict, l.judge_correct, q.reason, l.reviewer,
              CASE WHEN q.reason = 'sample' THEN 's:' || (r.ts_ms / ${DAY})::text || ':' || r.verdict ELSE 'f:' || (r.ts_ms / ${DAY})::text || ':' || r.flags END AS k
            FROM review_labels l JOIN review_queue q ON q.record_id = l.record_id JOIN monitor_records r ON r.id = l.record_id
            WHERE r.judge = ${judge} AND r.verdict NOT IN ('error', 'not_understood') AND l.judge_correct IS NOT NULL),
          pop AS (
            SELECT CASE WHEN flags = '' THEN 's:' || (ts_ms / ${DAY})::text || ':' || verdict ELSE 'f:' || (ts_ms / ${DAY})::text || ':' || flags END AS k, COUNT(*)::int AS n
            FROM monitor_records WHERE judge = ${judge} AND verdict NOT IN ('error', 'not_understood') GROUP BY k)
          SELECT lab.confidence, lab.verdict, lab.judge_correct, lab.reason, lab.reviewer, COALESCE(pop.n, 0) AS population, (COUNT(*) OVER (PARTITION BY lab.k))::int AS labelled
          FROM lab LEFT JOIN pop ON pop.k = lab.k`.execute(db)
      ).rows,
    promotionCandidates: async (file) =>
      (
        await sql<PromoteRow>`SELECT l.record_id, r.prompt, r.ts_ms::float8 AS ts_ms, r.verdict, l.should, l.judge_correct, l.note
          FROM review_labels l JOIN monitor_records r ON r.id = l.record_id
          WHERE NOT EXISTS (SELECT 1 FROM review_promotions p WHERE p.record_id = l.record_id AND p.pack_file = ${file})
          ORDER BY r.ts_ms, l.record_id`.execute(db)
      ).rows,
    recordPromotions: async (file, done) => {
      if (done.length === 0) return;
      const now = new Date().toISOString();
      await sql`INSERT INTO review_promotions (record_id, pack_file, ref, item_id, promoted_at)
        VALUES ${sql.join(done.map((d) => sql`(${d.recordId}, ${file}, ${d.ref}, ${d.itemId}, ${now})`))}
        ON CONFLICT (record_id, pack_file) DO UPDATE SET ref = EXCLUDED.ref, item_id = EXCLUDED.item_id, promoted_at = EXCLUDED.promoted_at`.execute(
        db,
      );
    },
    recordsVersion: async () => {
      const r = await sql<{ n: number }>`SELECT COUNT(*)::float8 AS n FROM monitor_records`.execute(db);
      return r.rows[0]?.n ?? 0;
    },
  };
}
