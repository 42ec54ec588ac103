import type { AgreementRow } from './agreement.js';
import type { LabelInput, ReviewLabel } from './review-label.js';
import type { QueuePage, QueuePageQuery } from './queue-cursor.js';
import type { QueueItem, QueueOptions } from './review-queue.js';

/** A labelled record not yet promoted into a given pack file. */
export interface PromoteRow {
  record_id: string;
  prompt: string;
  ts_ms: number;
  verdict: string;
  should: string;
  judge_correct: number | null;
  note: string;
}

export interface Promotion {
  recordId: string;
  ref: string;
  itemId: string;
}

/**
 * A labelled record of the review queue judged by one judge, with the sampling design it was
 * drawn under: its stratum (day × verdict for the random sample, day × flags for flagged records)
 * holds `population` of that judge's records, of which `labelled` carry a right/wrong call.
 */
export interface CalibrationRow {
  confidence: number;
  verdict: string;
  judge_correct: number;
  reason: string;
  reviewer: string | null;
  population: number;
  labelled: number;
}

export type QueueStatus = 'pending' | 'labeled' | 'all';

/**
 * The review queue, labels and promotions, next to the monitor's records: in the SQLite store, or
 * in a shared Postgres where several reviewers work the same queue (a label is one row per record,
 * the last reviewer's call wins; refreshing the queue from two instances adds each record once).
 */
export interface ReviewStore {
  refreshQueue(options?: QueueOptions): Promise<{ added: number }>;
  /** The first page of the queue (flagged first, then by time). */
  listQueue(options?: { status?: QueueStatus; limit?: number }): Promise<QueueItem[]>;
  /** A page of the queue before or after a place in it, with its position. */
  queuePage(q?: QueuePageQuery): Promise<QueuePage>;
  queueCounts(): Promise<{ total: number; pending: number; labeled: number }>;
  /** Saves or replaces a label; the record must exist. */
  saveLabel(input: LabelInput): Promise<ReviewLabel>;
  /** A full record id or a unique prefix of one. */
  resolveRecordId(ref: string): Promise<string>;
  agreementRows(): Promise<AgreementRow[]>;
  /** Queued, labelled records with a right/wrong call, judged by `judge`; strata by day (the queue's default). */
  calibrationRows(judge: string): Promise<CalibrationRow[]>;
  promotionCandidates(packFile: string): Promise<PromoteRow[]>;
  recordPromotions(packFile: string, done: Promotion[]): Promise<void>;
  /** Changes whenever records are added: the dashboard re-samples the queue only then. */
  recordsVersion(): Promise<number>;
}
