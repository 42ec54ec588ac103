import { describe, expect, it } from 'vitest';
import { InputError, TargetError, type TargetRequest, type TargetResponse } from '../../spec/index.js';
import { limitedTarget, type AttemptFn, type Limits, type RetryInfo } from './limited-target.js';
import { createRateLimiter } from './rate-limiter.js';
import { backoffDelay, parseRetryAfter } from './retry-delay.js';
import { createSemaphore } from './semaphore.js';

const unexpected = (): never => {
  throw new Error('resolved instead of failing');
};

const request: TargetRequest = { messages: [{ role: 'user', content: 'hi' }] };
const ok: TargetResponse = { text: 'hello', finish: { unified: 'stop', raw: 'stop' }, latencyMs: 1, ttftMs: 0 };
const limits: Limits = { concurrency: 4, retries: 3, timeoutMs: 5_000, backoffBaseMs: 1, maxRetryDelayMs: 50, maxResponseBytes: 1024 };

function headers(values: Record<string, string>): { get(name: string): string | null } {
  return { get: (name) => values[name.toLowerCase()] ?? null };
}

describe('parseRetryAfter', () => {
  it('reads seconds, an HTTP date and retry-after-ms', () => {
    expect(parseRetryAfter(headers({ 'retry-after': '2' }))).toBe(2000);
    expect(parseRetryAfter(headers({ 'retry-after': '0' }))).toBe(0);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '350', 'retry-after': '9' }))).toBe(350);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:07 GMT' }), now)).toBe(7000);
    expect(parseRetryAfter(headers({ 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }), now)).toBe(0);
  });

  it('ignores absent or unreadable values so backoff applies', () => {
    expect(parseRetryAfter(headers({}))).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after': '-3' }))).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('doubles the window per retry, keeps at least half of it, and caps it', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay({ attempt, baseMs: 100, maxMs: 10_000, random: () => 0 }))).toEqual([
      50, 100, 200, 400,
    ]);
    expect([0, 1, 2, 3].map((attempt) => backoffDelay({ attempt, baseMs: 100, maxMs: 10_000, random: () => 1 }))).toEqual([
      100, 200, 400, 800,
    ]);
    expect(backoffDelay({ attempt: 20, baseMs: 100, maxMs: 1_000, random: () => 1 })).toBe(1_000);
  });
});

describe('createSemaphore', () => {
  it('admits at most the limit and serves waiters in arrival order', async () => {
    const s = createSemaphore(2);
    const order: string[] = [];
    const a = await s.acquire();
    const b = await s.acquire();
    const c = s.acquire().then((release) => (order.push('c'), release));
    const d = s.acquire().then((release) => (order.push('d'), release));
    expect([s.active, s.waiting]).toEqual([2, 2]);
    a();
    (await c)();
    b();
    (await d)();
    expect(order).toEqual(['c', 'd']);
    expect([s.active, s.waiting]).toEqual([0, 0]);
  });

  it('drops an aborted waiter with a cancelled error and keeps the slot count right', async () => {
    const s = createSemaphore(1);
    const held = await s.acquire();
    const controller = new AbortController();
    const waiting = s.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'TargetError', kind: 'cancelled' });
    held();
    held();
    expect(s.active).toBe(0);
    (await s.acquire())();
  });
});

describe('createRateLimiter', () => {
  it('spaces requests 60000/rpm apart on a fake clock', async () => {
    let now = 1_000;
    const waits: number[] = [];
    const limiter = createRateLimiter({ rpm: 120, now: () => now, sleep: async (ms) => void waits.push(ms) });
    await limiter.take();
    await limiter.take();
    await limiter.take();
    now += 2_000; // idle long enough: no debt carried over
    await limiter.take();
    expect(waits).toEqual([0, 500, 1000, 0]);
  });
});

describe('limitedTarget', () => {
  const attempts = (outcomes: Array<TargetResponse | TargetError | Error>): AttemptFn & { calls: number } => {
    const fn = Object.assign(
      async (): Promise<TargetResponse> => {
        const next = outcomes[Math.min(fn.calls, outcomes.length - 1)];
        fn.calls += 1;
        if (next instanceof Error) throw next;
        return next as TargetResponse;
      },
      { calls: 0 },
    );
    return fn;
  };

  it('retries retryable errors with increasing backoff and then succeeds', async () => {
    const attempt = attempts([new TargetError('network', 'reset'), new TargetError('http', 'boom', 503), ok]);
    const retries: RetryInfo[] = [];
    const t = limitedTarget({
      id: 't',
      attempt,
      limits: { ...limits, backoffBaseMs: 8, random: () => 0, onRetry: (i) => retries.push(i) },
    });
    await expect(t.generate(request)).resolves.toEqual(ok);
    expect(retries.map((r) => [r.attempt, r.delayMs])).toEqual([
      [1, 4],
      [2, 8],
    ]);
    expect(retries[1]?.reason).toBe('http 503: boom');
  });

  it('honours Retry-After up to the cap', async () => {
    const retries: number[] = [];
    const attempt = attempts([
      new TargetError('rate-limit', 'slow down', 429, { retryAfterMs: 30 }),
      new TargetError('rate-limit', 'slow down', 429, { retryAfterMs: 5_000 }),
      ok,
    ]);
    const t = limitedTarget({ id: 't', attempt, limits: { ...limits, onRetry: (i) => retries.push(i.delayMs) } });
    await t.generate(request);
    expect(retries).toEqual([30, 50]);
  });

  it('does not retry errors that a retry cannot fix', async () => {
    for (const e of [
      new TargetError('auth', 'bad key', 401),
      new TargetError('http', 'bad request', 400),
      new TargetError('bad-response', 'garbage'),
      new TargetError('not-recorded', 'nope'),
    ]) {
      const attempt = attempts([e, ok]);
      await expect(limitedTarget({ id: 't', attempt, limits }).generate(request)).rejects.toMatchObject({ kind: e.kind });
      expect(attempt.calls).toBe(1);
    }
  });

  it('fails with the last error once retries are spent, saying so', async () => {
    const attempt = attempts([new TargetError('http', 'down', 502)]);
    const e = await limitedTarget({ id: 't', attempt, limits: { ...limits, retries: 2 } })
      .generate(request)
      .then(unexpected, (err: unknown) => err as Error);
    expect(attempt.calls).toBe(3);
    expect(e).toMatchObject({ kind: 'http', status: 502, message: 'down (gave up after 3 tries)' });
  });

  it('times out a try that never settles, and retries timeouts', async () => {
    let calls = 0;
    const attempt: AttemptFn = (_, signal) => {
      calls += 1;
      if (calls === 1) return new Promise<TargetResponse>(() => undefined); // ignores its signal entirely
      return Promise.resolve(signal.aborted ? ok : { ...ok, text: 'second try' });
    };
    const retries: string[] = [];
    const t = limitedTarget({ id: 't', attempt, limits: { ...limits, timeoutMs: 20, onRetry: (i) => retries.push(i.reason) } });
    await expect(t.generate(request)).resolves.toMatchObject({ text: 'second try' });
    expect(retries).toEqual(['timeout: no complete answer within 20 ms']);
  });

  it('rejects as cancelled when aborted while waiting to retry, without another try', async () => {
    const controller = new AbortController();
    const attempt = attempts([new TargetError('http', 'down', 500), ok]);
    const t = limitedTarget({
      id: 't',
      attempt,
      limits: { ...limits, backoffBaseMs: 10_000, maxRetryDelayMs: 10_000, onRetry: () => controller.abort() },
    });
    await expect(t.generate(request, { signal: controller.signal })).rejects.toMatchObject({ kind: 'cancelled' });
    expect(attempt.calls).toBe(1);
  });

  it('passes the abort on to the try so it can stop its own work', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const attempt: AttemptFn = (_, signal) => {
      seen = signal;
      return new Promise(() => undefined);
    };
    const pending = limitedTarget({ id: 't', attempt, limits }).generate(request, { signal: controller.signal });
    while (!seen) await new Promise((r) => setImmediate(r));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
    expect(seen?.aborted).toBe(true);
  });

  it('holds concurrent tries to the limit', async () => {
    let inFlight = 0;
    let max = 0;
    const attempt: AttemptFn = async () => {
      max = Math.max(max, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      return ok;
    };
    const t = limitedTarget({ id: 't', attempt, limits: { ...limits, concurrency: 3 } });
    await Promise.all(Array.from({ length: 12 }, () => t.generate(request)));
    expect(max).toBe(3);
  });

  it('lets input errors through unchanged and turns unknown failures into bad responses', async () => {
    await expect(
      limitedTarget({ id: 't', attempt: attempts([new InputError('f.jsonl:3: bad')]), limits }).generate(request),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(limitedTarget({ id: 't', attempt: attempts([new RangeError('weird')]), limits }).generate(request)).rejects.toMatchObject({
      kind: 'bad-response',
      message: 'unexpected failure: weird',
    });
  });

  it('redacts secrets from every error message', async () => {
    const attempt = attempts([new TargetError('auth', 'Incorrect API key provided: sk-live-abcdef123456', 401)]);
    const e = await limitedTarget({ id: 't', attempt, limits, redact: (t) => t.replaceAll('sk-live-abcdef123456', '[redacted]') })
      .generate(request)
      .then(unexpected, (err: unknown) => err as Error);
    expect(e).toMatchObject({ kind: 'auth', status: 401, message: 'Incorrect API key provided: [redacted]' });
  });
});
