import { sql, type Kysely, type RawBuilder } from 'kysely';
import { cursorOf, type QueueCursor, type QueuePage, type QueuePageQuery } from '../queue-cursor.js';
import { queueItemFromRow, type QueueRow } from '../review-queue.js';

const FROM = sql`FROM review_queue q JOIN monitor_records r ON r.id = q.record_id LEFT JOIN review_labels l ON l.record_id = q.record_id`;
const KEY = sql`(q.reason = 'sample', r.ts_ms, q.record_id)`;
const at = (c: QueueCursor): RawBuilder<unknown> => sql`(${c.sample}, ${c.tsMs}, ${c.id})`;

/** The queue paged by key, as the SQLite store pages it (see queue-cursor.ts). */
export async function pgQueuePage(db: Kysely<unknown>, q: QueuePageQuery): Promise<QueuePage> {
  const status = q.status ?? 'all';
  const statusWhere = status === 'pending' ? sql`l.record_id IS NULL` : status === 'labeled' ? sql`l.record_id IS NOT NULL` : sql`TRUE`;
  const where = [statusWhere];
  if (q.after) where.push(sql`${KEY} > ${at(q.after)}`);
  if (q.before) where.push(sql`${KEY} < ${at(q.before)}`);
  const dir = q.before ? sql`DESC` : sql`ASC`;
  const limit = Math.max(1, Math.floor(q.limit ?? 200));
  const r =
    await sql<QueueRow>`SELECT q.record_id, q.reason, q.stratum, r.ts_ms::float8 AS ts_ms, r.source, r.prompt, r.response, r.context,
      r.verdict, r.confidence, r.judge, r.match_kind, r.match_ref, r.match_sim, r.signal_bits, r.template_key,
      l.should, l.judge_correct, l.note, l.reviewer, l.labeled_at
    ${FROM} WHERE ${sql.join(where, sql` AND `)}
    ORDER BY (q.reason = 'sample') ${dir}, r.ts_ms ${dir}, q.record_id ${dir} LIMIT ${limit + 1}`.execute(db);
  const more = r.rows.length > limit;
  const items = r.rows.slice(0, limit).map(queueItemFromRow);
  if (q.before) items.reverse();
  const first = items[0];
  const last = items.at(-1);
  const count = async (c: QueueCursor, op: 'before' | 'after'): Promise<number> => {
    const cmp = op === 'before' ? sql`${KEY} < ${at(c)}` : sql`${KEY} > ${at(c)}`;
    const n = await sql<{ n: number }>`SELECT COUNT(*)::int AS n ${FROM} WHERE ${statusWhere} AND ${cmp}`.execute(db);
    return n.rows[0]?.n ?? 0;
  };
  const itemsBefore = first ? await count(cursorOf(first), 'before') : 0;
  const hasNext = q.before ? last !== undefined && (await count(cursorOf(last), 'after')) > 0 : more;
  return { items, itemsBefore, hasPrevious: itemsBefore > 0, hasNext };
}
