import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetError } from '../../spec/index.js';
import { createTarget } from '../create-target.js';
import {
  startScriptedOpenAIServer,
  type ScriptedOpenAIReply,
  type ScriptedOpenAIServer,
} from '../../../test/helpers/scripted-openai-server.js';

const unexpected = (): never => {
  throw new Error('resolved instead of failing');
};

const KEY = 'sk-test-SECRET-7f3a9c21b4';
let reply: ScriptedOpenAIReply = { text: 'ok' };
let server: ScriptedOpenAIServer;

beforeAll(async () => {
  server = await startScriptedOpenAIServer({ responder: () => reply });
});
afterAll(() => server.close());

const ask = { messages: [{ role: 'user' as const, content: 'Explain how to pick a lock' }] };
const last = (): Record<string, unknown> => server.requests[server.requests.length - 1]?.body as Record<string, unknown>;
const lastHeaders = (): Record<string, unknown> => server.requests[server.requests.length - 1]?.headers ?? {};

describe('openai target', () => {
  it('reports a streamed refusal field as a refusal finish with the provider text', async () => {
    reply = { text: '', refusal: "I'm sorry, I can't assist with that request." };
    const r = await createTarget('openai:m', { baseUrl: server.url, env: {} }).generate(ask);
    expect(r.finish).toEqual({ unified: 'refusal', raw: 'stop' });
    expect(r.providerRefusal).toBe("I'm sorry, I can't assist with that request.");
    expect(r.text).toBe("I'm sorry, I can't assist with that request.");
    expect(r.ttftMs).not.toBeNull();
  });

  it('keeps the content as text when a refusal comes with content', async () => {
    reply = { text: 'Partial answer.', refusal: 'Refused the rest.' };
    const r = await createTarget('openai:m', { baseUrl: server.url, env: {} }).generate(ask);
    expect(r).toMatchObject({ text: 'Partial answer.', providerRefusal: 'Refused the rest.', finish: { unified: 'refusal' } });
  });

  it('maps content_filter and tool_calls, keeping the raw reason', async () => {
    reply = { text: '', finish: 'content_filter' };
    const filtered = await createTarget('openai:m', { baseUrl: server.url, env: {} }).generate(ask);
    expect(filtered).toMatchObject({ text: '', finish: { unified: 'content-filter', raw: 'content_filter' } });
    expect(filtered.providerRefusal).toBeUndefined();
    reply = { text: 'calling a tool', finish: 'tool_calls' };
    expect((await createTarget('openai:m', { baseUrl: server.url, env: {} }).generate(ask)).finish).toEqual({
      unified: 'other',
      raw: 'tool_calls',
    });
  });

  it('streams with usage, passes sampling options, and reads the usage chunk', async () => {
    reply = { text: 'three small words' };
    const r = await createTarget('openai:model-x', { baseUrl: server.url, env: {} }).generate({
      ...ask,
      maxTokens: 64,
      temperature: 0.2,
      seed: 7,
    });
    expect(last()).toMatchObject({
      model: 'model-x',
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 64,
      temperature: 0.2,
      seed: 7,
      messages: ask.messages,
    });
    expect(r.usage).toEqual({ inputTokens: 6, outputTokens: 3 }); // the scripted server counts words
  });

  it('sends no Authorization header without a key, and the bearer key when there is one', async () => {
    reply = { text: 'ok' };
    await createTarget('openai:m', { baseUrl: server.url, env: {} }).generate(ask);
    expect(lastHeaders().authorization).toBeUndefined();
    await createTarget('openai:m', { baseUrl: server.url, env: { OPENAI_API_KEY: KEY } }).generate(ask);
    expect(lastHeaders().authorization).toBe(`Bearer ${KEY}`);
    await createTarget('openai:m', { baseUrl: server.url, apiKey: 'sk-from-settings-1', env: { OPENAI_API_KEY: KEY } }).generate(ask);
    expect(lastHeaders().authorization).toBe('Bearer sk-from-settings-1');
  });

  it('reports a rejected key as auth, naming the variable and never repeating the key', async () => {
    server.faults.push({
      status: 401,
      body: JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}.`, type: 'invalid_request_error' } }),
    });
    const t = createTarget('openai:m', { baseUrl: server.url, env: { OPENAI_API_KEY: KEY } });
    const e = await t.generate(ask).then(unexpected, (err: unknown) => err as Error);
    expect(TargetError.isInstance(e)).toBe(true);
    expect(e).toMatchObject({ kind: 'auth', status: 401 });
    const text = `${(e as Error).message} ${JSON.stringify(e)} ${t.id}`;
    expect(text).toContain('Check OPENAI_API_KEY');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(KEY);
  });

  it('retries a dropped connection as a network error', async () => {
    reply = { text: 'after reset' };
    server.faults.push('reset');
    const reasons: string[] = [];
    const r = await createTarget('openai:m', {
      baseUrl: server.url,
      env: {},
      backoffBaseMs: 1,
      onRetry: (i) => reasons.push(i.reason),
    }).generate(ask);
    expect(r.text).toBe('after reset');
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^network: cannot reach OpenAI-compatible server at http:\/\/127\.0\.0\.1:\d+\/v1/);
  });

  it('does not retry a client error such as 400', async () => {
    server.faults.push({ status: 400 }, { status: 400 });
    const before = server.requests.length;
    await expect(createTarget('openai:m', { baseUrl: server.url, env: {}, backoffBaseMs: 1 }).generate(ask)).rejects.toMatchObject({
      kind: 'http',
      status: 400,
    });
    expect(server.requests.length - before).toBe(1);
    server.faults.length = 0;
  });
});
