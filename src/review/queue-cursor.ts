import { InputError } from '../spec/index.js';
import type { QueueItem } from './review-queue.js';

/**
 * A place in the queue's order (flagged before sampled, then by time, then by id), for paging by
 * key rather than by offset: labelling the items of a page does not shift the next page under
 * the reviewer when the view is `pending`.
 */
export interface QueueCursor {
  sample: boolean;
  tsMs: number;
  id: string;
}

export interface QueuePageQuery {
  status?: 'pending' | 'labeled' | 'all';
  limit?: number;
  /** Items after this place (the next page), or before it (the previous page). */
  after?: QueueCursor;
  before?: QueueCursor;
}

export interface QueuePage {
  items: QueueItem[];
  /** Items of this status before the first one shown: the page's position. */
  itemsBefore: number;
  hasNext: boolean;
  hasPrevious: boolean;
}

export function cursorOf(item: Pick<QueueItem, 'reason' | 'timestamp' | 'recordId'>): QueueCursor {
  return { sample: item.reason === 'sample', tsMs: Date.parse(item.timestamp), id: item.recordId };
}

/** `s.<ms>.<id>` (sampled) or `f.<ms>.<id>` (flagged): short enough for a link. */
export function encodeCursor(c: QueueCursor): string {
  return `${c.sample ? 's' : 'f'}.${c.tsMs}.${c.id}`;
}

export function decodeCursor(text: string, field: string): QueueCursor {
  const m = /^([sf])\.(-?\d+)\.([0-9a-f]{11}-[0-9a-f]{12})$/.exec(text);
  if (!m) throw new InputError(`${field}: expected a queue position such as s.1767225600000.<record id>, got "${text.slice(0, 60)}"`);
  return { sample: m[1] === 's', tsMs: Number(m[2]), id: m[3] as string };
}
