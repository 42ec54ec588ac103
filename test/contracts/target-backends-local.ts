import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message } from '../../src/spec/index.js';
import { createTarget } from '../../src/targets/create-target.js';
import { createScriptedTarget } from '../../src/targets/scripted.js';
import type { Fault } from '../helpers/scripted-server.js';
import { tracker } from './target-backends-http.js';
import { CONTRACT_CONVERSATIONS, contractReply, directives, type ContractKind } from './target-contract.js';

/** Contract backends for the local kinds: a child process, a recording, an in-process script. */

const FIXTURE = join(import.meta.dirname, 'fixtures', 'exec-backend.mjs');

export const execContract: ContractKind = {
  rawFinish: { stop: 'stop', length: 'length' },
  measuresTtft: true,
  start: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-exec-contract-'));
    const faults = join(dir, 'faults.json');
    const log = join(dir, 'log.jsonl');
    writeFileSync(faults, '[]');
    writeFileSync(log, '');
    const entries = (): Array<{ messages: Message[]; inFlight: number }> =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { messages: Message[]; inFlight: number });
    let from = 0;
    const { track, closeAll } = tracker();
    const command = [process.execPath, FIXTURE, faults, log].map((a) => `'${a}'`).join(' ');
    return {
      target: (s) => track(createTarget(`exec:${command}`, { env: { PATH: process.env.PATH }, ...s })),
      fault: (f: Fault) => writeFileSync(faults, JSON.stringify([...(JSON.parse(readFileSync(faults, 'utf8')) as Fault[]), f])),
      received: () => entries().map((e) => e.messages),
      maxInFlight: () =>
        Math.max(
          0,
          ...entries()
            .slice(from)
            .map((e) => e.inFlight),
        ),
      resetInFlight: () => void (from = entries().length),
      close: async () => {
        await closeAll();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  unreachable: async () => ({ target: createTarget('exec:/nonexistent/refusal-drill-backend --serve', { retries: 0 }), kind: 'config' }),
};

const NO_BACKEND = 'answers come from memory, with no server or process to fail';

export const replayContract: ContractKind = {
  rawFinish: { stop: 'stop', length: 'length' },
  measuresTtft: false,
  start: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-replay-contract-'));
    const file = join(dir, 'recording.jsonl');
    writeFileSync(
      file,
      CONTRACT_CONVERSATIONS.map((messages) =>
        JSON.stringify({
          messages,
          response: contractReply(messages),
          finish: directives(messages).length ? 'length' : 'stop',
          latencyMs: 120,
        }),
      ).join('\n'),
    );
    return {
      target: (s) => createTarget(`replay:${file}`, s),
      fault: () => undefined,
      received: () => null,
      maxInFlight: () => 0,
      resetInFlight: () => undefined,
      close: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  skip: {
    'retry-500': NO_BACKEND,
    'retry-429': NO_BACKEND,
    'persistent-500': NO_BACKEND,
    'invalid-json': 'a bad recording is an input error when loaded (tested in replay-target.test.ts)',
    'cut-stream': NO_BACKEND,
    timeout: NO_BACKEND,
    'abort-midway': 'a lookup completes at once',
    unreachable: 'a missing recording is an input error at creation (tested in replay-target.test.ts)',
    concurrency: NO_BACKEND,
  },
};

export const scriptedContract: ContractKind = {
  rawFinish: { stop: 'stop', length: 'length' },
  measuresTtft: true,
  start: async () => {
    const received: Message[][] = [];
    const reply = (messages: Message[]): string => (received.push(messages), contractReply(messages));
    return {
      target: (s) =>
        createScriptedTarget({
          rules: [
            { match: '[finish:length]', reply, finish: 'length' },
            { match: /\[delay:\d+\]/, reply, delayMs: 60 },
          ],
          fallback: reply,
          limits: { concurrency: s.concurrency, retries: s.retries, timeoutMs: s.timeoutMs, rpm: s.rpm, onRetry: s.onRetry },
        }),
      fault: () => undefined,
      received: () => received,
      maxInFlight: () => 0,
      resetInFlight: () => undefined,
      close: async () => undefined,
    };
  },
  skip: {
    'retry-500': NO_BACKEND,
    'retry-429': NO_BACKEND,
    'persistent-500': NO_BACKEND,
    'invalid-json': NO_BACKEND,
    'cut-stream': NO_BACKEND,
    timeout: NO_BACKEND,
    'abort-midway': 'covered by the limits wrapper tests',
    unreachable: NO_BACKEND,
    concurrency: 'covered by the limits wrapper tests',
  },
};
