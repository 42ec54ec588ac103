import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TargetError, UsageError } from '../spec/index.js';
import { ollamaBaseUrl, publicUrl } from './base-url.js';
import { createTarget, describeTargetKinds } from './create-target.js';
import { mapAnthropicStop, mapAnyFinish, mapOpenAIFinish } from './finish-reason.js';

const dir = mkdtempSync(join(tmpdir(), 'rd-create-target-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('createTarget', () => {
  it('rejects an unknown kind with a usage error listing every known kind with an example', () => {
    const e = thrown(() => createTarget('gemini:pro'));
    expect(UsageError.isInstance(e) && e.name === 'UsageError').toBe(true);
    const message = (e as Error).message;
    expect(message).toContain('unknown target "gemini:pro"');
    for (const k of describeTargetKinds()) expect(message).toContain(k.example);
  });

  it.each([
    ['openai', 'needs a model: openai:<model>'],
    ['anthropic:', 'needs a model: anthropic:<model>'],
    ['replay', 'needs a recording'],
    ['http', 'needs a config file'],
    ['exec:', 'needs a command'],
    ['exec:python "unclosed', 'unclosed " quote'],
    ['scripted:nonsense', 'unknown scripted target'],
    ['replay:xstest/gpt5', 'built-ins: replay:xstest/gpt4'],
    ['', 'unknown target'],
  ])('rejects the malformed spec %j with a usage error', (spec, message) => {
    const e = thrown(() => createTarget(spec, { env: {} }));
    expect((e as Error).name).toBe('UsageError');
    expect((e as Error).message).toContain(message);
  });

  it('rejects bad settings and base URLs, naming them', () => {
    expect((thrown(() => createTarget('scripted:echo', { concurrency: 0 })) as Error).message).toContain(
      'concurrency must be a whole number ≥ 1',
    );
    expect((thrown(() => createTarget('scripted:echo', { rpm: -5 })) as Error).message).toContain('rpm must be a positive number');
    expect((thrown(() => createTarget('openai:m', { baseUrl: 'localhost:8000' })) as Error).message).toContain(
      '--base-url must be an http(s) URL',
    );
    expect((thrown(() => createTarget('openai:m', { env: { OPENAI_BASE_URL: 'nope' } })) as Error).message).toContain(
      'OPENAI_BASE_URL must be an http(s) URL',
    );
  });

  it('asks for the key by name when OpenAI or Anthropic itself is the endpoint', () => {
    const openai = thrown(() => createTarget('openai:gpt-4o-mini', { env: {} }));
    expect(TargetError.isInstance(openai) && openai.kind).toBe('auth');
    expect((openai as Error).message).toMatch(/^OPENAI_API_KEY is not set/);
    const anthropic = thrown(() => createTarget('anthropic:claude-sonnet-4-5', { env: { OPENAI_API_KEY: 'x' } }));
    expect(TargetError.isInstance(anthropic) && anthropic.kind).toBe('auth');
    expect((anthropic as Error).message).toMatch(/^ANTHROPIC_API_KEY is not set/);
    // A local server needs no key.
    expect(createTarget('openai:llama', { env: {}, baseUrl: 'http://127.0.0.1:8000/v1' }).id).toBe('openai:llama@http://127.0.0.1:8000/v1');
  });

  it('takes the base URL from settings, then the environment, then the default', () => {
    const env = {
      OPENAI_API_KEY: 'sk-test-000000',
      OPENAI_BASE_URL: 'http://10.0.0.5:8000/v1/',
      ANTHROPIC_API_KEY: 'sk-ant-000000',
      ANTHROPIC_BASE_URL: 'http://10.0.0.6:9000',
    };
    expect(createTarget('openai:m', { env }).id).toBe('openai:m@http://10.0.0.5:8000/v1');
    expect(createTarget('openai:m', { env, baseUrl: 'http://127.0.0.1:1234/v1' }).id).toBe('openai:m@http://127.0.0.1:1234/v1');
    expect(createTarget('openai:gpt-4o-mini', { env: { OPENAI_API_KEY: 'sk-test-000000' } }).id).toBe(
      'openai:gpt-4o-mini@https://api.openai.com/v1',
    );
    expect(createTarget('anthropic:claude', { env }).id).toBe('anthropic:claude@http://10.0.0.6:9000');
    expect(createTarget('anthropic:claude', { env: { ANTHROPIC_API_KEY: 'sk-ant-000000' } }).id).toBe(
      'anthropic:claude@https://api.anthropic.com',
    );
    expect(createTarget('ollama:llama3.2:8b', { env: {} }).id).toBe('ollama:llama3.2:8b@http://localhost:11434/v1');
  });

  it('keeps every secret out of the id', () => {
    const secret = 'sk-proj-SECRET-0123456789abcdef';
    const config = join(dir, 'http.yaml');
    writeFileSync(
      config,
      `url: "https://api.example.com/generate?key={{env.EXAMPLE_KEY}}"\nheaders:\n  Authorization: "Bearer {{env.EXAMPLE_KEY}}"\nbody:\n  q: "{{prompt}}"\nresponsePath: answer\n`,
    );
    const ids = [
      createTarget('openai:gpt-4o-mini', { env: { OPENAI_API_KEY: secret } }).id,
      createTarget('openai:m', { apiKey: secret, baseUrl: `https://user:${secret}@gateway.example.com/v1?api-key=${secret}` }).id,
      createTarget('anthropic:claude', { env: { ANTHROPIC_API_KEY: secret } }).id,
      createTarget('ollama:llama3', { apiKey: secret, env: {} }).id,
      createTarget(`http:${config}`, { env: { EXAMPLE_KEY: secret } }).id,
    ];
    for (const id of ids) expect(id).not.toContain(secret);
    expect(ids[1]).toBe('openai:m@https://gateway.example.com/v1');
    expect(ids[4]).toMatch(/^http:https:\/\/api\.example\.com\/generate#[0-9a-f]{8}$/);
  });

  it('lists each kind once with an example that names the kind', () => {
    const kinds = describeTargetKinds();
    expect(kinds.map((k) => k.kind)).toEqual(['openai', 'anthropic', 'ollama', 'http', 'exec', 'replay', 'scripted']);
    for (const k of kinds) {
      expect(k.example.startsWith(`${k.kind}:`)).toBe(true);
      expect(k.description.length).toBeGreaterThan(10);
    }
  });
});

describe('base URLs', () => {
  it('turns any OLLAMA_HOST form into the OpenAI-compatible base URL', () => {
    expect(ollamaBaseUrl(undefined)).toBe('http://localhost:11434/v1');
    expect(ollamaBaseUrl('0.0.0.0')).toBe('http://127.0.0.1:11434/v1');
    expect(ollamaBaseUrl('127.0.0.1:11500')).toBe('http://127.0.0.1:11500/v1');
    expect(ollamaBaseUrl('https://ollama.internal')).toBe('https://ollama.internal:11434/v1');
    expect(ollamaBaseUrl('http://gpu-box:80')).toBe('http://gpu-box/v1');
    expect(ollamaBaseUrl('http://gpu-box:11434/v1/')).toBe('http://gpu-box:11434/v1');
  });

  it('drops credentials and query strings from a public URL', () => {
    expect(publicUrl(new URL('https://u:p@host.example/v1/?key=abc#x'))).toBe('https://host.example/v1');
  });
});

describe('finish reasons', () => {
  it('maps OpenAI reasons and keeps the raw value', () => {
    expect(mapOpenAIFinish('stop')).toEqual({ unified: 'stop', raw: 'stop' });
    expect(mapOpenAIFinish('length')).toEqual({ unified: 'length', raw: 'length' });
    expect(mapOpenAIFinish('content_filter')).toEqual({ unified: 'content-filter', raw: 'content_filter' });
    expect(mapOpenAIFinish('tool_calls')).toEqual({ unified: 'other', raw: 'tool_calls' });
    expect(mapOpenAIFinish('function_call')).toEqual({ unified: 'other', raw: 'function_call' });
    expect(mapOpenAIFinish('eos_token')).toEqual({ unified: 'other', raw: 'eos_token' });
  });

  it('maps Anthropic stop reasons', () => {
    expect(mapAnthropicStop('end_turn')).toEqual({ unified: 'stop', raw: 'end_turn' });
    expect(mapAnthropicStop('stop_sequence')).toEqual({ unified: 'stop', raw: 'stop_sequence' });
    expect(mapAnthropicStop('max_tokens')).toEqual({ unified: 'length', raw: 'max_tokens' });
    expect(mapAnthropicStop('refusal')).toEqual({ unified: 'refusal', raw: 'refusal' });
    expect(mapAnthropicStop('pause_turn')).toEqual({ unified: 'other', raw: 'pause_turn' });
    expect(mapAnthropicStop(null)).toEqual({ unified: 'other', raw: null });
  });

  it('reads any vocabulary from user programs and recordings', () => {
    expect(mapAnyFinish(undefined)).toEqual({ unified: 'stop', raw: null });
    expect(mapAnyFinish('content-filter')).toEqual({ unified: 'content-filter', raw: 'content-filter' });
    expect(mapAnyFinish('content_filter')).toEqual({ unified: 'content-filter', raw: 'content_filter' });
    expect(mapAnyFinish('max_tokens')).toEqual({ unified: 'length', raw: 'max_tokens' });
    expect(mapAnyFinish('refusal')).toEqual({ unified: 'refusal', raw: 'refusal' });
    expect(mapAnyFinish('blocked_by_guard')).toEqual({ unified: 'other', raw: 'blocked_by_guard' });
  });
});

describe('endpoint identity', () => {
  it('two deployments behind one public URL share an id but not an endpoint hash, which holds no secret in clear', () => {
    const make = (url: string) => createTarget('openai:m', { env: {}, baseUrl: url });
    const a = make('http://user:pw-secret@gw.local/v1?deployment=a&api_key=k-secret');
    const b = make('http://user:pw-secret@gw.local/v1?deployment=b&api_key=k-secret');
    const c = make('http://other:pw2@gw.local/v1?deployment=a&api_key=k-secret');
    expect(a.id).toBe(b.id);
    expect(a.id).toBe('openai:m@http://gw.local/v1');
    expect(new Set([a.endpoint, b.endpoint, c.endpoint]).size).toBe(3);
    expect(a.endpoint).toMatch(/^[0-9a-f]{32}$/);
    expect(make('http://user:pw-secret@gw.local/v1?deployment=a&api_key=k-secret').endpoint).toBe(a.endpoint);
    const anthropic = createTarget('anthropic:m', { env: {}, baseUrl: 'http://gw.local/x?deployment=a' });
    expect(anthropic.endpoint).not.toBe(createTarget('anthropic:m', { env: {}, baseUrl: 'http://gw.local/x?deployment=b' }).endpoint);
  });
});
