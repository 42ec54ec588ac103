import { randomBytes } from 'node:crypto';

/** Sortable and unique: `20261125-211935-3fa9c2`. */
export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
