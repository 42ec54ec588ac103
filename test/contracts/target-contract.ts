import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetError, type Message, type Target, type TargetErrorKind } from '../../src/spec/index.js';
import type { TargetSettings } from '../../src/targets/create-target.js';
import type { RetryInfo } from '../../src/targets/limits/limited-target.js';
import type { Fault } from '../helpers/scripted-server.js';
import { CONTRACT_CONVERSATIONS, contractReply } from './target-contract-data.js';

export { CONTRACT_CONVERSATIONS, contractReply, directives } from './target-contract-data.js';

/**
 * The one suite every target kind passes (like unstorage's testDriver). A kind plugs in a backend:
 * a real loopback server, a child process, or a recording, which answers as target-contract-data.ts says.
 */
export type ContractCase =
  | 'text'
  | 'multi-turn'
  | 'finish'
  | 'timing'
  | 'retry-500'
  | 'retry-429'
  | 'persistent-500'
  | 'invalid-json'
  | 'cut-stream'
  | 'timeout'
  | 'abort-before'
  | 'abort-midway'
  | 'unreachable'
  | 'concurrency';

export interface ContractBackend {
  /** A target of this kind pointed at this backend. */
  target(settings: TargetSettings): Target;
  /** Queues a fault for the next request the backend receives. */
  fault(f: Fault): void;
  /** The conversations the backend received, in order (null when it cannot observe them). */
  received(): Message[][] | null;
  /** The most requests the backend held at once since `resetInFlight`. */
  maxInFlight(): number;
  resetInFlight(): void;
  close(): Promise<void>;
}

export interface ContractKind {
  start(): Promise<ContractBackend>;
  /** The protocol's raw finish reasons for a normal and a truncated answer. */
  rawFinish: { stop: string; length: string };
  /** Whether responses carry a measured time to first token (false: null is allowed). */
  measuresTtft: boolean;
  /** A target that cannot reach its backend, and the error kind that must result. */
  unreachable?: () => Promise<{ target: Target; kind: TargetErrorKind }>;
  /** Cases that cannot occur for this kind, each with the reason. */
  skip?: Partial<Record<ContractCase, string>>;
}

const FAST = { backoffBaseMs: 1, maxRetryDelayMs: 25 } satisfies TargetSettings;

export function describeTargetContract(name: string, kind: ContractKind): void {
  describe(`target contract: ${name}`, () => {
    let backend: ContractBackend;
    beforeAll(async () => {
      backend = await kind.start();
    });
    afterAll(async () => {
      await backend?.close();
    });
    const test = (c: ContractCase, title: string, fn: () => Promise<void>): void => {
      const reason = kind.skip?.[c];
      if (reason) it.skip(`${title} (skipped: ${reason})`, fn);
      else it(title, fn);
    };
    const seen = (): number => backend.received()?.length ?? 0;
    const expectError = async (p: Promise<unknown>, kindName: TargetErrorKind): Promise<TargetError> => {
      const e = await p.then(
        (r) => new Error(`resolved instead of failing: ${JSON.stringify(r)}`),
        (err: unknown) => err,
      );
      if (!TargetError.isInstance(e)) throw e;
      expect(e.kind, e.message).toBe(kindName);
      return e;
    };

    test('text', 'answers with the text the backend sent', async () => {
      const messages = CONTRACT_CONVERSATIONS[0]!;
      const r = await backend.target({}).generate({ messages });
      expect(r.text).toBe(contractReply(messages));
    });

    test('multi-turn', 'sends a multi-turn conversation with every message in order', async () => {
      const messages = CONTRACT_CONVERSATIONS[1]!;
      const before = seen();
      const r = await backend.target({}).generate({ messages });
      expect(r.text).toBe(contractReply(messages));
      const received = backend.received();
      if (received) expect(received.slice(before)).toEqual([messages]);
    });

    test('finish', 'maps the finish reason onto the unified enum and keeps the raw value', async () => {
      const t = backend.target({});
      const normal = await t.generate({ messages: CONTRACT_CONVERSATIONS[0]! });
      expect(normal.finish).toEqual({ unified: 'stop', raw: kind.rawFinish.stop });
      const cut = await t.generate({ messages: CONTRACT_CONVERSATIONS[2]! });
      expect(cut.finish).toEqual({ unified: 'length', raw: kind.rawFinish.length });
    });

    test('timing', 'measures latency, and time to first token within it', async () => {
      const r = await backend.target({}).generate({ messages: CONTRACT_CONVERSATIONS[0]! });
      expect(r.latencyMs).toBeGreaterThanOrEqual(0);
      if (kind.measuresTtft) expect(r.ttftMs).not.toBeNull();
      if (r.ttftMs !== null) {
        expect(r.ttftMs).toBeGreaterThanOrEqual(0);
        expect(r.ttftMs).toBeLessThanOrEqual(r.latencyMs);
      }
    });

    test('retry-500', 'retries after a 500 and succeeds', async () => {
      const retries: RetryInfo[] = [];
      const before = seen();
      backend.fault({ status: 500 });
      const r = await backend
        .target({ ...FAST, retries: 2, onRetry: (i) => retries.push(i) })
        .generate({ messages: CONTRACT_CONVERSATIONS[0]! });
      expect(r.text).toBe(contractReply(CONTRACT_CONVERSATIONS[0]!));
      expect(retries.map((i) => i.attempt)).toEqual([1]);
      expect(retries[0]?.reason).toMatch(/500/);
      expect(seen() - before).toBe(2);
    });

    test('retry-429', 'waits as Retry-After says (capped) before retrying a 429', async () => {
      const events: string[] = [];
      const before = seen();
      backend.fault({ status: 429, retryAfter: '1' });
      backend.fault({ status: 429, retryAfter: '0' });
      const t = backend.target({
        ...FAST,
        retries: 3,
        onRetry: (i) =>
          events.push(`retry ${i.attempt} after ${i.delayMs} ms with ${seen() - before} received (${i.reason.split(':')[0]})`),
      });
      await t.generate({ messages: CONTRACT_CONVERSATIONS[0]! });
      expect(events).toEqual([
        `retry 1 after ${FAST.maxRetryDelayMs} ms with 1 received (rate-limit 429)`,
        'retry 2 after 0 ms with 2 received (rate-limit 429)',
      ]);
      expect(seen() - before).toBe(3);
    });

    test('persistent-500', 'fails with an http error once retries are spent', async () => {
      const before = seen();
      for (let i = 0; i < 3; i++) backend.fault({ status: 500 });
      let retries = 0;
      const e = await expectError(
        backend.target({ ...FAST, retries: 2, onRetry: () => (retries += 1) }).generate({ messages: CONTRACT_CONVERSATIONS[0]! }),
        'http',
      );
      expect(e.status).toBe(500);
      expect(retries).toBe(2);
      expect(seen() - before).toBe(3);
    });

    test('invalid-json', 'reports invalid JSON as a bad response, not retried', async () => {
      const before = seen();
      backend.fault('invalid-json');
      await expectError(backend.target({ ...FAST, retries: 2 }).generate({ messages: CONTRACT_CONVERSATIONS[0]! }), 'bad-response');
      expect(seen() - before).toBe(1);
    });

    test('cut-stream', 'reports an answer cut midway as a bad response', async () => {
      backend.fault('cut-stream');
      await expectError(backend.target({ ...FAST, retries: 0 }).generate({ messages: CONTRACT_CONVERSATIONS[0]! }), 'bad-response');
    });

    test('timeout', 'times out a request that never gets an answer', async () => {
      backend.fault('hang');
      await expectError(
        backend.target({ ...FAST, retries: 0, timeoutMs: 250 }).generate({ messages: CONTRACT_CONVERSATIONS[0]! }),
        'timeout',
      );
    });

    test('abort-before', 'rejects an already-aborted request as cancelled without sending it', async () => {
      const before = seen();
      const controller = new AbortController();
      controller.abort();
      await expectError(backend.target({}).generate({ messages: CONTRACT_CONVERSATIONS[0]! }, { signal: controller.signal }), 'cancelled');
      expect(seen() - before).toBe(0);
    });

    test('abort-midway', 'rejects as cancelled when aborted in flight, and never retries it', async () => {
      const before = seen();
      backend.fault('hang');
      const controller = new AbortController();
      const pending = backend
        .target({ ...FAST, retries: 3 })
        .generate({ messages: CONTRACT_CONVERSATIONS[0]! }, { signal: controller.signal });
      await until(() => seen() - before === 1);
      controller.abort();
      await expectError(pending, 'cancelled');
      await new Promise((r) => setTimeout(r, 30));
      expect(seen() - before).toBe(1);
    });

    test('unreachable', 'reports an unreachable backend as an error of its kind', async () => {
      const u = await kind.unreachable?.();
      if (!u) throw new Error('kind declares no unreachable target');
      await expectError(u.target.generate({ messages: CONTRACT_CONVERSATIONS[0]! }), u.kind);
    });

    test('concurrency', 'keeps requests in flight within the concurrency limit', async () => {
      const t = backend.target({ concurrency: 2 });
      backend.resetInFlight();
      const conversations = CONTRACT_CONVERSATIONS.slice(3);
      const replies = await Promise.all(conversations.map((messages) => t.generate({ messages })));
      expect(replies.map((r) => r.text)).toEqual(conversations.map(contractReply));
      expect(backend.maxInFlight()).toBeLessThanOrEqual(2);
      // The limit must not serialise either: with slow answers two requests overlap.
      expect(backend.maxInFlight()).toBe(2);
    });
  });
}

/** Polls until `condition` holds; the deadline is generous, for a machine busy with other work. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition not reached within 20 s');
}
