import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Message, Target } from '../../src/spec/index.js';
import { createTarget, type TargetSettings } from '../../src/targets/create-target.js';
import { startScriptedAnthropicServer } from '../helpers/scripted-anthropic-server.js';
import { startScriptedOpenAIServer } from '../helpers/scripted-openai-server.js';
import { toMessages } from '../helpers/scripted-server.js';
import { contractReply, directives, type ContractBackend, type ContractKind } from './target-contract.js';

/** Contract backends for the HTTP kinds: real scripted servers on loopback. */

const OPENAI_KEY = 'sk-contract-openai-0123456789';
const ANTHROPIC_KEY = 'sk-ant-contract-0123456789';
const HTTP_KEY = 'http-contract-secret-0123456789';

/** A port nothing listens on: bound, then released. */
export async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

/** Closes every target a backend handed out, so no child or socket outlives the suite. */
export function tracker(): { track: (t: Target) => Target; closeAll: () => Promise<void> } {
  const targets: Target[] = [];
  return {
    track: (t) => (targets.push(t), t),
    closeAll: async () => {
      await Promise.all(targets.map((t) => t.close?.()));
    },
  };
}

async function openaiServerBackend(make: (url: string, settings: TargetSettings) => Target, apiKey?: string): Promise<ContractBackend> {
  const server = await startScriptedOpenAIServer({
    apiKey,
    responder: (messages) => {
      const d = directives(messages);
      return { text: contractReply(messages), finish: d.length ? 'length' : 'stop', delayMs: d.delayMs };
    },
  });
  const { track, closeAll } = tracker();
  return {
    target: (settings) => track(make(server.url, settings)),
    fault: (f) => void server.faults.push(f),
    received: () => server.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => toMessages(field(r.body, 'messages'))),
    maxInFlight: () => server.maxInFlight,
    resetInFlight: () => server.resetStats(),
    close: async () => {
      await closeAll();
      await server.close();
    },
  };
}

export const openaiContract: ContractKind = {
  rawFinish: { stop: 'stop', length: 'length' },
  measuresTtft: true,
  start: () =>
    openaiServerBackend(
      (url, s) => createTarget('openai:contract-model', { env: { OPENAI_API_KEY: OPENAI_KEY }, baseUrl: url, ...s }),
      OPENAI_KEY,
    ),
  unreachable: async () => ({
    target: createTarget('openai:m', { env: {}, baseUrl: `http://127.0.0.1:${await deadPort()}/v1`, retries: 1, backoffBaseMs: 1 }),
    kind: 'network',
  }),
};

export const ollamaContract: ContractKind = {
  rawFinish: { stop: 'stop', length: 'length' },
  measuresTtft: true,
  // OLLAMA_HOST as `ollama serve` takes it: host:port, no scheme, no /v1.
  start: () => openaiServerBackend((url, s) => createTarget('ollama:llama3.2', { env: { OLLAMA_HOST: new URL(url).host }, ...s })),
  unreachable: async () => ({
    target: createTarget('ollama:llama3.2', { env: { OLLAMA_HOST: `127.0.0.1:${await deadPort()}` }, retries: 0 }),
    kind: 'network',
  }),
};

function httpConfig(dir: string, url: string): string {
  const file = join(dir, 'target.yaml');
  writeFileSync(
    file,
    stringify({
      url: `${url}/chat/completions`,
      headers: { Authorization: 'Bearer {{env.CONTRACT_HTTP_KEY}}' },
      model: 'contract-model',
      body: { model: '{{model}}', messages: '{{messages}}', max_tokens: '{{maxTokens}}' },
      responsePath: 'choices[0].message.content',
      finishPath: 'choices[0].finish_reason',
      refusalPath: 'choices[0].message.refusal',
    }),
  );
  return file;
}

export const httpContract: ContractKind = {
  rawFinish: { stop: 'stop', length: 'length' },
  measuresTtft: true,
  start: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-http-contract-'));
    let file = '';
    const backend = await openaiServerBackend((url, s) => {
      file ||= httpConfig(dir, url);
      return createTarget(`http:${file}`, { env: { CONTRACT_HTTP_KEY: HTTP_KEY }, ...s });
    }, HTTP_KEY);
    return { ...backend, close: () => backend.close().finally(() => rmSync(dir, { recursive: true, force: true })) };
  },
  unreachable: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-http-dead-'));
    const file = httpConfig(dir, `http://127.0.0.1:${await deadPort()}/v1`);
    return { target: createTarget('http', { configFile: file, env: { CONTRACT_HTTP_KEY: HTTP_KEY }, retries: 0 }), kind: 'network' };
  },
};

export const anthropicContract: ContractKind = {
  rawFinish: { stop: 'end_turn', length: 'max_tokens' },
  measuresTtft: true,
  start: async () => {
    const server = await startScriptedAnthropicServer({
      apiKey: ANTHROPIC_KEY,
      responder: (messages, system) => {
        const all: Message[] = system === undefined ? messages : [{ role: 'system', content: system }, ...messages];
        const d = directives(all);
        return { text: contractReply(all), stopReason: d.length ? 'max_tokens' : 'end_turn', delayMs: d.delayMs };
      },
    });
    const { track, closeAll } = tracker();
    return {
      target: (s) =>
        track(createTarget('anthropic:contract-model', { env: { ANTHROPIC_API_KEY: ANTHROPIC_KEY }, baseUrl: server.url, ...s })),
      fault: (f) => void server.faults.push(f),
      received: () =>
        server.requests.map((r) => {
          const system = field(r.body, 'system');
          const messages = toMessages(field(r.body, 'messages'));
          return typeof system === 'string' ? [{ role: 'system' as const, content: system }, ...messages] : messages;
        }),
      maxInFlight: () => server.maxInFlight,
      resetInFlight: () => server.resetStats(),
      close: async () => {
        await closeAll();
        await server.close();
      },
    };
  },
  unreachable: async () => ({
    target: createTarget('anthropic:m', {
      env: { ANTHROPIC_API_KEY: ANTHROPIC_KEY },
      baseUrl: `http://127.0.0.1:${await deadPort()}`,
      retries: 0,
    }),
    kind: 'network',
  }),
};

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && name in body ? (body as Record<string, unknown>)[name] : undefined;
}
