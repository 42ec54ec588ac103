import type { Database } from 'better-sqlite3';
import { signalNames } from '../monitor/index.js';
import { ensureReviewSchema } from './review-migrations.js';
import type { ReviewLabel } from './review-label.js';

export interface QueueOptions {
  seed?: number;
  /** Random records per stratum (day × verdict). */
  perStratum?: number;
  /** Flagged records per stratum (day × flag); a flood of one flag should not bury the sample. */
  flaggedPerStratum?: number;
  stratumMs?: number;
}

export interface QueueItem {
  recordId: string;
  /** The flag that put it here (`over-refusal`, `harmful-compliance`) or `sample`. */
  reason: string;
  stratum: string;
  timestamp: string;
  source: string;
  prompt: string;
  response: string;
  context: string | null;
  verdict: string;
  confidence: number;
  judge: string;
  matchKind: string | null;
  matchRef: string | null;
  matchSim: number | null;
  /** The judge's signals that were true (reason, boundary, alternative, leak, apology, lecture). */
  signals: string[];
  templateKey: string;
  label: ReviewLabel | null;
}

const DAY = 86_400_000;

/**
 * Adds flagged records and a stratified random sample of the unflagged rest to the queue. Seeded and idempotent: the
 * same seed over the same records adds nothing the second time.
 */
export function refreshQueue(db: Database, options: QueueOptions = {}): { added: number } {
  ensureReviewSchema(db);
  const params = {
    seed: options.seed ?? 1,
    k: options.perStratum ?? 5,
    kf: options.flaggedPerStratum ?? 50,
    w: options.stratumMs ?? DAY,
    now: new Date().toISOString(),
  };
  let added = 0;
  db.transaction(() => {
    added += db
      .prepare(
        `INSERT OR IGNORE INTO review_queue (record_id, reason, stratum, added_at)
         SELECT id, flags, stratum, @now FROM (
           SELECT id, flags, (ts_ms / CAST(@w AS INTEGER)) || ':' || flags AS stratum,
             ROW_NUMBER() OVER (PARTITION BY ts_ms / CAST(@w AS INTEGER), flags ORDER BY rd_seeded_rank(@seed, id)) AS rn
           FROM monitor_records WHERE flags != '')
         WHERE rn <= @kf`,
      )
      .run(params).changes;
    added += db
      .prepare(
        `INSERT OR IGNORE INTO review_queue (record_id, reason, stratum, added_at)
         SELECT id, 'sample', stratum, @now FROM (
           SELECT id, (ts_ms / CAST(@w AS INTEGER)) || ':' || verdict AS stratum,
             ROW_NUMBER() OVER (PARTITION BY ts_ms / CAST(@w AS INTEGER), verdict ORDER BY rd_seeded_rank(@seed, id)) AS rn
           FROM monitor_records WHERE verdict != 'error' AND flags = '')
         WHERE rn <= @k`,
      )
      .run({ seed: params.seed, k: params.k, w: params.w, now: params.now }).changes;
  })();
  return { added };
}

/** A queue item as both stores' list queries return it. */
export interface QueueRow {
  record_id: string;
  reason: string;
  stratum: string;
  ts_ms: number;
  source: string;
  prompt: string;
  response: string;
  context: string | null;
  verdict: string;
  confidence: number;
  judge: string;
  match_kind: string | null;
  match_ref: string | null;
  match_sim: number | null;
  signal_bits: number | null;
  template_key: string;
  should: string | null;
  judge_correct: number | null;
  note: string | null;
  reviewer: string | null;
  labeled_at: string | null;
}

/** Queue items, flagged first, then by time; `pending` = not yet labelled. */
export function listQueue(
  db: Database,
  options: { status?: 'pending' | 'labeled' | 'all'; limit?: number; offset?: number } = {},
): QueueItem[] {
  ensureReviewSchema(db);
  const status = options.status ?? 'all';
  const where = status === 'pending' ? 'WHERE l.record_id IS NULL' : status === 'labeled' ? 'WHERE l.record_id IS NOT NULL' : '';
  const rows = db
    .prepare<[number, number], QueueRow>(
      `SELECT q.record_id, q.reason, q.stratum, r.ts_ms, r.source, r.prompt, r.response, r.context, r.verdict, r.confidence, r.judge,
         r.match_kind, r.match_ref, r.match_sim, r.signal_bits, r.template_key, l.should, l.judge_correct, l.note, l.reviewer, l.labeled_at
       FROM review_queue q JOIN monitor_records r ON r.id = q.record_id LEFT JOIN review_labels l ON l.record_id = q.record_id
       ${where} ORDER BY q.reason = 'sample', r.ts_ms, q.record_id LIMIT ? OFFSET ?`,
    )
    .all(options.limit ?? 200, options.offset ?? 0);
  return rows.map(queueItemFromRow);
}

export function queueItemFromRow(r: QueueRow): QueueItem {
  return {
    recordId: r.record_id,
    reason: r.reason,
    stratum: r.stratum,
    timestamp: new Date(r.ts_ms).toISOString(),
    source: r.source,
    prompt: r.prompt,
    response: r.response,
    context: r.context,
    verdict: r.verdict,
    confidence: r.confidence,
    judge: r.judge,
    matchKind: r.match_kind,
    matchRef: r.match_ref,
    matchSim: r.match_sim,
    signals: signalNames(r.signal_bits),
    templateKey: r.template_key,
    label:
      r.should === null
        ? null
        : {
            recordId: r.record_id,
            should: r.should === 'refuse' ? 'refuse' : 'answer',
            judgeCorrect: r.judge_correct === null ? null : r.judge_correct === 1,
            note: r.note ?? '',
            reviewer: r.reviewer,
            labeledAt: r.labeled_at ?? '',
          },
  };
}

export function queueCounts(db: Database): { total: number; pending: number; labeled: number } {
  ensureReviewSchema(db);
  const row = db
    .prepare<[], { total: number; labeled: number }>(
      'SELECT COUNT(*) AS total, COUNT(l.record_id) AS labeled FROM review_queue q LEFT JOIN review_labels l ON l.record_id = q.record_id',
    )
    .get() ?? { total: 0, labeled: 0 };
  return { total: row.total, labeled: row.labeled, pending: row.total - row.labeled };
}
