import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTarget } from '../create-target.js';
import {
  startScriptedAnthropicServer,
  type ScriptedAnthropicReply,
  type ScriptedAnthropicServer,
} from '../../../test/helpers/scripted-anthropic-server.js';
import { ANTHROPIC_DEFAULT_MAX_TOKENS } from './anthropic-target.js';

const unexpected = (): never => {
  throw new Error('resolved instead of failing');
};

const KEY = 'sk-ant-test-SECRET-5d8e1f';
let reply: ScriptedAnthropicReply = { text: 'ok' };
let server: ScriptedAnthropicServer;

beforeAll(async () => {
  server = await startScriptedAnthropicServer({ apiKey: KEY, responder: () => reply });
});
afterAll(() => server.close());

const env = { ANTHROPIC_API_KEY: KEY };
const last = (): { body: Record<string, unknown>; headers: Record<string, unknown> } => {
  const r = server.requests[server.requests.length - 1];
  return { body: r?.body as Record<string, unknown>, headers: r?.headers ?? {} };
};

describe('anthropic target', () => {
  it('maps stop_reason refusal to a refusal finish, keeping the raw value', async () => {
    reply = { text: '', stopReason: 'refusal' };
    const r = await createTarget('anthropic:claude', { baseUrl: server.url, env }).generate({
      messages: [{ role: 'user', content: 'something harmful' }],
    });
    expect(r).toMatchObject({ text: '', finish: { unified: 'refusal', raw: 'refusal' } });
  });

  it('moves system messages to `system`, sends the key, and defaults max_tokens', async () => {
    reply = { text: 'fine' };
    await createTarget('anthropic:claude-x', { baseUrl: server.url, env }).generate({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello.' },
        { role: 'user', content: 'Again' },
      ],
      temperature: 1.5,
    });
    const { body, headers } = last();
    expect(body).toMatchObject({
      model: 'claude-x',
      system: 'Be brief.',
      max_tokens: ANTHROPIC_DEFAULT_MAX_TOKENS,
      stream: true,
      temperature: 1,
    });
    expect(body.messages).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello.' },
      { role: 'user', content: 'Again' },
    ]);
    expect(headers['x-api-key']).toBe(KEY);
  });

  it('honours ANTHROPIC_BASE_URL and reports usage and time to first token', async () => {
    reply = { text: 'two words' };
    const t = createTarget('anthropic:claude', { env: { ...env, ANTHROPIC_BASE_URL: server.url } });
    expect(t.id).toBe(`anthropic:claude@${server.url}`);
    const r = await t.generate({ messages: [{ role: 'user', content: 'Hi' }], maxTokens: 50 });
    expect(last().body.max_tokens).toBe(50);
    expect(r.usage).toEqual({ inputTokens: 1, outputTokens: 2 });
    expect(r.ttftMs).not.toBeNull();
  });

  it('reports a wrong key as auth naming ANTHROPIC_API_KEY, and retries 529 overloaded', async () => {
    const wrong = createTarget('anthropic:claude', { baseUrl: server.url, env: { ANTHROPIC_API_KEY: 'sk-ant-wrong-000000' } });
    const e = await wrong.generate({ messages: [{ role: 'user', content: 'Hi' }] }).then(unexpected, (err: unknown) => err as Error);
    expect(e).toMatchObject({ kind: 'auth', status: 401 });
    expect((e as Error).message).toContain('Check ANTHROPIC_API_KEY');
    expect((e as Error).message).not.toContain('sk-ant-wrong-000000');
    reply = { text: 'recovered' };
    server.faults.push({ status: 529 });
    const retries: string[] = [];
    const r = await createTarget('anthropic:claude', {
      baseUrl: server.url,
      env,
      backoffBaseMs: 1,
      onRetry: (i) => retries.push(i.reason),
    }).generate({ messages: [{ role: 'user', content: 'Hi' }] });
    expect(r.text).toBe('recovered');
    expect(retries[0]).toMatch(/^http 529/);
  });
});
