/** Where to read a server's requested wait: a fetch `Headers` or anything with the same `get`. */
export interface HeaderSource {
  get(name: string): string | null;
}

/**
 * The wait a server asked for, in ms: `retry-after-ms` (OpenAI), else `Retry-After` as seconds or
 * an HTTP date. Undefined when absent or unreadable, so the caller falls back to backoff.
 */
export function parseRetryAfter(headers: HeaderSource | undefined | null, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export interface BackoffOptions {
  /** 0 for the first retry. */
  attempt: number;
  baseMs: number;
  maxMs: number;
  random?: () => number;
}

/**
 * Exponential backoff with "equal jitter": half the window fixed, half random, so retries from
 * many workers spread out yet never collapse to an immediate retry.
 */
export function backoffDelay(o: BackoffOptions): number {
  const window = Math.min(o.maxMs, o.baseMs * 2 ** o.attempt);
  const random = o.random ?? Math.random;
  return Math.round(window / 2 + random() * (window / 2));
}
