import type { Database } from 'better-sqlite3';
import { signalNames } from '../monitor/index.js';
import { ensureReviewSchema } from './review-migrations.js';
import { cursorOf, type QueuePage, type QueuePageQuery } from './queue-cursor.js';
import type { ReviewLabel } from './review-label.js';

export interface QueueOptions {
  seed?: number;
  /** Random records per stratum (day × verdict). */
  perStratum?: number;
  /** Flagged records per stratum (day × flag); a flood of one flag should not bury the sample. Leaks are always queued. */
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
 * same seed over the same records adds nothing the second time. A leak is a finding, not a sample: every record
 * flagged `leak` is queued, whatever its verdict and however many there are that day.
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
         WHERE rn <= @kf OR flags LIKE '%leak'`,
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

const QUEUE_FROM = `FROM review_queue q JOIN monitor_records r ON r.id = q.record_id LEFT JOIN review_labels l ON l.record_id = q.record_id`;
const QUEUE_COLUMNS = `q.record_id, q.reason, q.stratum, r.ts_ms, r.source, r.prompt, r.response, r.context, r.verdict, r.confidence, r.judge,
  r.match_kind, r.match_ref, r.match_sim, r.signal_bits, r.template_key, l.should, l.judge_correct, l.note, l.reviewer, l.labeled_at`;
const KEY = `(q.reason = 'sample'), r.ts_ms, q.record_id`;

/**
 * A page of the queue, flagged first, then by time; `pending` = not yet labelled. Paged by key
 * (see queue-cursor.ts): the page after the last item shown, or before the first.
 */
export function queuePage(db: Database, q: QueuePageQuery = {}): QueuePage {
  ensureReviewSchema(db);
  const status = q.status ?? 'all';
  const where = [status === 'pending' ? 'l.record_id IS NULL' : status === 'labeled' ? 'l.record_id IS NOT NULL' : '1'];
  const limit = q.limit ?? 200;
  const at = q.after ?? q.before;
  const params = at ? { s: Number(at.sample), ts: at.tsMs, id: at.id } : {};
  if (q.after) where.push(`(${KEY}) > (@s, @ts, @id)`);
  if (q.before) where.push(`(${KEY}) < (@s, @ts, @id)`);
  const dir = q.before ? 'DESC' : 'ASC';
  const rows = db
    .prepare<Record<string, unknown>, QueueRow>(
      `SELECT ${QUEUE_COLUMNS} ${QUEUE_FROM} WHERE ${where.join(' AND ')}
       ORDER BY (q.reason = 'sample') ${dir}, r.ts_ms ${dir}, q.record_id ${dir} LIMIT ${Math.max(1, Math.floor(limit)) + 1}`,
    )
    .all(params);
  const more = rows.length > limit;
  const items = rows.slice(0, limit).map(queueItemFromRow);
  if (q.before) items.reverse();
  const first = items[0];
  const c = first ? cursorOf(first) : undefined;
  const itemsBefore = c
    ? (db
        .prepare<Record<string, unknown>, { n: number }>(
          `SELECT COUNT(*) AS n ${QUEUE_FROM} WHERE ${where[0]} AND (${KEY}) < (@s, @ts, @id)`,
        )
        .get({ s: Number(c.sample), ts: c.tsMs, id: c.id })?.n ?? 0)
    : 0;
  const last = items.at(-1);
  const after = (x: QueueItem): boolean => {
    const k = cursorOf(x);
    return (
      db
        .prepare<Record<string, unknown>, { one: number }>(
          `SELECT 1 AS one ${QUEUE_FROM} WHERE ${where[0]} AND (${KEY}) > (@s, @ts, @id) LIMIT 1`,
        )
        .get({ s: Number(k.sample), ts: k.tsMs, id: k.id }) !== undefined
    );
  };
  return { items, itemsBefore, hasPrevious: itemsBefore > 0, hasNext: q.before ? last !== undefined && after(last) : more };
}

/** Queue items, flagged first, then by time (the first page: see queuePage for the rest). */
export function listQueue(db: Database, options: { status?: 'pending' | 'labeled' | 'all'; limit?: number } = {}): QueueItem[] {
  return queuePage(db, options).items;
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
