import { abortableSleep } from './abortable-sleep.js';

export interface RateLimiter {
  /** Resolves when the caller may send its next request; rejects `cancelled` if the signal aborts. */
  take(signal?: AbortSignal): Promise<void>;
}

export interface RateLimiterOptions {
  rpm: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Spaces requests evenly, 60 000 / rpm ms apart, rather than allowing a burst of `rpm` at once:
 * providers enforce their per-minute limits over shorter windows too, so a burst still earns 429s.
 * Slots are reserved on arrival, so waiters keep their order and a cancelled waiter's slot is lost
 * (a harmless under-use).
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  if (!(options.rpm > 0)) throw new RangeError(`rpm must be a positive number, got ${options.rpm}`);
  const interval = 60_000 / options.rpm;
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? abortableSleep;
  let nextFree = -Infinity;
  return {
    async take(signal) {
      const t = now();
      const slot = Math.max(t, nextFree);
      nextFree = slot + interval;
      await sleep(slot - t, signal);
    },
  };
}
