import { hash } from 'node:crypto';
import type { ProdRecord } from './prod-record.js';

/**
 * How records without a log id are told apart: by line in a file (two identical exchanges on
 * different lines are two records), or by content alone in a live feed, where a line number within
 * one POST means nothing and the same record retried to another instance must stay one record.
 */
export type RecordIdentity = 'line' | 'content';

/**
 * A record's identity: its source, where it sat (the log's own id, else the line number) and its
 * content. Re-ingesting the same file after an interruption yields the same ids, so nothing is
 * counted twice, while two identical exchanges on different lines stay two records.
 *
 * The id leads with the timestamp (11 hex digits of epoch ms) so new records land at the end of the
 * primary-key index instead of all over it: with random keys every batch rewrote thousands of index
 * pages, and the insert cost 2.5× as much. The 48-bit hash after it only has to tell apart records
 * of the same millisecond.
 */
export function recordId(source: string, line: number, record: ProdRecord, identity: RecordIdentity = 'line'): string {
  const where = record.logId !== undefined ? `id:${record.logId}` : identity === 'line' ? `line:${line}` : 'content';
  const digest = hash('sha256', `${source}\u0000${where}\u0000${record.timestamp}\u0000${record.prompt}\u0000${record.response}`, 'hex');
  return `${Math.max(0, record.tsMs).toString(16).padStart(11, '0')}-${digest.slice(0, 12)}`;
}

/** The hash half of a record id: short, and unique enough to name a pack item after. */
export function shortRecordId(id: string): string {
  return id.slice(id.indexOf('-') + 1);
}
