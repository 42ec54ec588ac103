import { DrillError, TargetError, type Target, type TargetRequest, type TargetResponse } from '../../spec/index.js';
import { abortableSleep, cancelledError } from './abortable-sleep.js';
import { createRateLimiter } from './rate-limiter.js';
import { backoffDelay } from './retry-delay.js';
import { createSemaphore } from './semaphore.js';

/**
 * One try at a request. It gets a signal that aborts on cancellation or timeout and must reject
 * with a TargetError saying what went wrong; the wrapper decides whether to try again.
 */
export type AttemptFn = (request: TargetRequest, signal: AbortSignal) => Promise<TargetResponse>;

export interface RetryInfo {
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface Limits {
  concurrency: number;
  /** Requests per minute; undefined for no limit. */
  rpm?: number;
  /** Retries after the first try, on 429, 5xx, network errors and timeouts. */
  retries: number;
  timeoutMs: number;
  backoffBaseMs: number;
  /** Cap on any wait between tries, a server's Retry-After included. */
  maxRetryDelayMs: number;
  /** The largest response read, in bytes; the target kind enforces it while reading (`too-large`). */
  maxResponseBytes: number;
  onRetry?: (info: RetryInfo) => void;
  random?: () => number;
}

export interface LimitedTargetOptions {
  id: string;
  /** See `Target.endpoint`. */
  endpoint?: string;
  attempt: AttemptFn;
  limits: Limits;
  close?: () => Promise<void>;
  /** Applied to every error message leaving the target, so no secret escapes in one. */
  redact?: (text: string) => string;
}

/**
 * The single request policy every target kind shares: a concurrency limit, a requests-per-minute
 * limit, a per-try timeout, cancellation, and retries with backoff that honour Retry-After.
 * A cancelled request is never retried and a failure never resolves as a response.
 */
export function limitedTarget(o: LimitedTargetOptions): Target {
  const { limits } = o;
  const semaphore = createSemaphore(limits.concurrency);
  const rate = limits.rpm ? createRateLimiter({ rpm: limits.rpm }) : undefined;
  const redact = o.redact ?? ((t: string) => t);

  const once = async (request: TargetRequest, signal: AbortSignal | undefined): Promise<TargetResponse> => {
    const release = await semaphore.acquire(signal);
    try {
      // Taken while holding a slot, so requests leave exactly at the limiter's spacing.
      await rate?.take(signal);
      return await withDeadline(o.attempt, request, { signal, timeoutMs: limits.timeoutMs });
    } finally {
      release();
    }
  };

  return {
    id: o.id,
    ...(o.endpoint === undefined ? {} : { endpoint: o.endpoint }),
    async generate(request, options) {
      const signal = options?.signal;
      for (let attempt = 0; ; attempt += 1) {
        let error: TargetError;
        try {
          return await once(request, signal);
        } catch (e) {
          error = asTargetError(e, redact);
        }
        if (signal?.aborted) throw cancelledError();
        if (!error.retryable || attempt >= limits.retries) throw attempt === 0 ? error : gaveUp(error, attempt + 1);
        const delayMs =
          error.retryAfterMs !== undefined
            ? Math.min(error.retryAfterMs, limits.maxRetryDelayMs)
            : backoffDelay({ attempt, baseMs: limits.backoffBaseMs, maxMs: limits.maxRetryDelayMs, random: limits.random });
        limits.onRetry?.({ attempt: attempt + 1, delayMs, reason: describe(error) });
        await abortableSleep(delayMs, signal);
      }
    },
    close: o.close,
  };
}

function withDeadline(attempt: AttemptFn, request: TargetRequest, o: { signal?: AbortSignal; timeoutMs: number }): Promise<TargetResponse> {
  if (o.signal?.aborted) return Promise.reject(cancelledError());
  const controller = new AbortController();
  return new Promise<TargetResponse>((resolve, reject) => {
    const settle = (): void => {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
    };
    // Reject at once rather than wait for the attempt to notice the abort: a server that ignores
    // a closed socket, or a child that never answers, must not hold the caller.
    const onAbort = (): void => {
      settle();
      controller.abort();
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      settle();
      controller.abort();
      reject(new TargetError('timeout', `no complete answer within ${o.timeoutMs} ms`));
    }, o.timeoutMs);
    o.signal?.addEventListener('abort', onAbort, { once: true });
    attempt(request, controller.signal).then(
      (response) => {
        settle();
        resolve(response);
      },
      (e: unknown) => {
        settle();
        reject(e);
      },
    );
  });
}

function asTargetError(e: unknown, redact: (t: string) => string): TargetError {
  if (TargetError.isInstance(e)) {
    const message = redact(e.message);
    return message === e.message ? e : new TargetError(e.kind, message, e.status, { retryAfterMs: e.retryAfterMs });
  }
  // Input errors (a bad replay line) are the user's to fix, not a failed generation.
  if (DrillError.isInstance(e)) throw e;
  const message = e instanceof Error ? e.message : String(e);
  return new TargetError('bad-response', redact(`unexpected failure: ${message}`), undefined, { cause: e });
}

function gaveUp(e: TargetError, tries: number): TargetError {
  const note = e.retryable ? `gave up after ${tries} tries` : `on try ${tries}`;
  return new TargetError(e.kind, `${e.message} (${note})`, e.status, { cause: e });
}

function describe(e: TargetError): string {
  return `${e.kind}${e.status ? ` ${e.status}` : ''}: ${e.message}`;
}
