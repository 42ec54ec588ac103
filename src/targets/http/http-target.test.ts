import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTarget } from '../create-target.js';
import {
  startScriptedOpenAIServer,
  type ScriptedOpenAIReply,
  type ScriptedOpenAIServer,
} from '../../../test/helpers/scripted-openai-server.js';
import { getPath, parseJsonPath } from './json-path.js';
import { renderText, renderValue } from './render-template.js';

const unexpected = (): never => {
  throw new Error('resolved instead of failing');
};

const SECRET = 'tok-SECRET-a1b2c3d4e5';
const dir = mkdtempSync(join(tmpdir(), 'rd-http-target-'));
let server: ScriptedOpenAIServer;
let reply: ScriptedOpenAIReply = { text: 'ok' };

beforeAll(async () => {
  server = await startScriptedOpenAIServer({ apiKey: SECRET, responder: () => reply });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function config(text: string): string {
  const file = join(dir, `config-${++n}.yaml`);
  writeFileSync(file, text);
  return file;
}

function error(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
}

const ask = {
  messages: [
    { role: 'system' as const, content: 'Be safe.' },
    { role: 'user' as const, content: 'Say "hi"\nplease' },
  ],
};

describe('http target config errors', () => {
  it('names a file it cannot read', () => {
    const e = error(() => createTarget('http', { configFile: join(dir, 'missing.yaml') }));
    expect(e.name).toBe('InputError');
    expect(e.message).toContain(`cannot read http target config ${join(dir, 'missing.yaml')}`);
  });

  it('points at the line of a YAML syntax error', () => {
    const file = config('url: http://x\nresponsePath: [unclosed\n');
    const e = error(() => createTarget(`http:${file}`));
    expect(e.name).toBe('InputError');
    expect(e.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: not valid YAML/JSON`));
  });

  it('names the file, line, field and what was expected for schema errors', () => {
    const file = config('url: http://x/api\nmethod: DELETE\nbody: {}\nresponsePath: "choices[0]..content"\nheader: {}\n');
    const e = error(() => createTarget(`http:${file}`));
    expect(e.name).toBe('InputError');
    expect(e.message).toContain(`${file}:2:9: method: expected POST, PUT, PATCH or GET`);
    expect(e.message).toContain(`${file}:4:15: responsePath: expected a path like choices[0].message.content`);
    expect(e.message).toContain(
      `${file}:5:1: header: unknown field (expected one of id, url, method, headers, model, body, responsePath, finishPath, refusalPath)`,
    );
  });

  it('requires responsePath and a body for POST', () => {
    expect(error(() => createTarget(`http:${config('url: http://x/api\nbody: {}\n')}`)).message).toMatch(/responsePath: .*expected string/);
    expect(error(() => createTarget(`http:${config('url: http://x/api\nresponsePath: out\n')}`)).message).toContain(
      'body: required for POST',
    );
  });

  it('rejects unknown placeholders, and request values outside the body', () => {
    const typo = config('url: http://x/api\nbody: { q: "{{promt}}" }\nresponsePath: out\n');
    expect(error(() => createTarget(`http:${typo}`)).message).toContain(
      `${typo}:2:12: body.q: unknown placeholder {{promt}} (expected {{messages}}, {{prompt}}`,
    );
    const header = config('url: http://x/api\nheaders:\n  X-Prompt: "{{prompt}}"\nbody: {}\nresponsePath: out\n');
    expect(error(() => createTarget(`http:${header}`)).message).toContain(
      'headers.X-Prompt: unknown placeholder {{prompt}} (expected {{env.NAME}} only)',
    );
  });

  it('fails with a config error naming the variable when an env placeholder is unset', () => {
    const file = config('url: http://x/api\nheaders:\n  Authorization: "Bearer {{env.MY_API_TOKEN}}"\nbody: {}\nresponsePath: out\n');
    const e = error(() => createTarget(`http:${file}`, { env: {} }));
    expect(e).toMatchObject({ name: 'TargetError', kind: 'config' });
    expect(e.message).toContain(
      `${file}:3:18: headers.Authorization uses {{env.MY_API_TOKEN}} but the environment variable MY_API_TOKEN is not set`,
    );
  });
});

describe('http target requests', () => {
  const chat = (extra = ''): string =>
    config(
      `url: ${server.url}/chat/completions\nheaders:\n  Authorization: "Bearer {{env.TOKEN}}"\nmodel: m1\nbody:\n  model: "{{model}}"\n  messages: "{{messages}}"\n  note: "system said: {{system}}"\n  max_tokens: "{{maxTokens}}"\nresponsePath: choices[0].message.content\nfinishPath: choices[0].finish_reason\nrefusalPath: choices[0].message.refusal\n${extra}`,
    );

  it('fills the body template with JSON values and the header from the environment', async () => {
    reply = { text: 'hello', finish: 'length' };
    const t = createTarget(`http:${chat()}`, { env: { TOKEN: SECRET } });
    const r = await t.generate({ ...ask, maxTokens: 32 });
    expect(r).toMatchObject({ text: 'hello', finish: { unified: 'length', raw: 'length' } });
    const sent = server.requests[server.requests.length - 1];
    expect(sent?.body).toEqual({ model: 'm1', messages: ask.messages, note: 'system said: Be safe.', max_tokens: 32 });
    expect(sent?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(t.id).not.toContain(SECRET);
  });

  it('drops a key whose whole-value placeholder has no value', async () => {
    reply = { text: 'x' };
    await createTarget(`http:${chat()}`, { env: { TOKEN: SECRET } }).generate({ messages: [{ role: 'user', content: 'hi' }] });
    expect(server.requests[server.requests.length - 1]?.body).toEqual({
      model: 'm1',
      messages: [{ role: 'user', content: 'hi' }],
      note: 'system said: ',
    });
  });

  it('reads a refusal from refusalPath', async () => {
    reply = { text: '', refusal: 'I will not help with that.' };
    const r = await createTarget(`http:${chat()}`, { env: { TOKEN: SECRET } }).generate(ask);
    expect(r).toMatchObject({
      text: 'I will not help with that.',
      providerRefusal: 'I will not help with that.',
      finish: { unified: 'refusal', raw: 'stop' },
    });
  });

  it('uses the config id when given', () => {
    expect(createTarget(`http:${chat('id: guarded-api-v2\n')}`, { env: { TOKEN: SECRET } }).id).toBe('guarded-api-v2');
  });

  it('reports a response without the configured path as a bad response', async () => {
    reply = { text: 'x' };
    const file = config(
      `url: ${server.url}/chat/completions\nheaders: { Authorization: "Bearer {{env.TOKEN}}" }\nbody: { model: m, messages: "{{messages}}" }\nresponsePath: output.text\n`,
    );
    const e = await createTarget(`http:${file}`, { env: { TOKEN: SECRET } })
      .generate(ask)
      .then(unexpected, (err: unknown) => err as Error);
    expect(e).toMatchObject({ kind: 'bad-response' });
    expect(e.message).toContain(`responsePath output.text (from ${file}) found nothing`);
  });

  it('reports a rejected token as auth without repeating it', async () => {
    server.faults.push({ status: 403, body: `{"error": "token ${SECRET} is not allowed"}` });
    const e = await createTarget(`http:${chat()}`, { env: { TOKEN: SECRET } })
      .generate(ask)
      .then(unexpected, (err: unknown) => err as Error);
    expect(e).toMatchObject({ kind: 'auth', status: 403 });
    expect(e.message).toContain('[redacted]');
    expect(e.message).not.toContain(SECRET);
  });

  it('sends a JSON text template with JSON-encoded values', async () => {
    reply = { text: 'from text template' };
    const file = config(
      `url: ${server.url}/chat/completions\nheaders: { Authorization: "Bearer {{env.TOKEN}}" }\nbody: '{"model": "m", "messages": [{"role": "user", "content": {{prompt}}}]}'\nresponsePath: choices[0].message.content\n`,
    );
    await createTarget(`http:${file}`, { env: { TOKEN: SECRET } }).generate(ask);
    expect(server.requests[server.requests.length - 1]?.body).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'Say "hi"\nplease' }],
    });
  });
});

describe('json paths and templates', () => {
  it('parses and follows paths', () => {
    expect(parseJsonPath('choices[0].message.content')).toEqual(['choices', 0, 'message', 'content']);
    expect(parseJsonPath('data["output text"][2]')).toEqual(['data', 'output text', 2]);
    for (const bad of ['', 'a..b', 'a[x]', '[0', 'a b']) expect(parseJsonPath(bad)).toBeUndefined();
    const value = { choices: [{ message: { content: 'hi' } }] };
    expect(getPath(value, ['choices', 0, 'message', 'content'])).toBe('hi');
    expect(getPath(value, ['choices', 1, 'message'])).toBeUndefined();
    expect(getPath(value, ['choices', 'message'])).toBeUndefined();
    expect(getPath(value, ['toString'])).toBeUndefined();
  });

  it('renders whole placeholders as values and inner ones as text', () => {
    const lookup = (name: string): unknown => ({ prompt: 'a "quoted" ask', n: 3, list: [1, 2] })[name];
    expect(renderValue({ a: '{{prompt}}', b: '{{ n }}', c: 'n={{n}}', d: '{{missing}}', e: ['{{list}}', '{{missing}}'] }, lookup)).toEqual({
      a: 'a "quoted" ask',
      b: 3,
      c: 'n=3',
      e: [[1, 2]],
    });
    expect(renderText('{"q": {{prompt}}, "n": {{n}}, "x": {{missing}}}', lookup, { json: true })).toBe(
      '{"q": "a \\"quoted\\" ask", "n": 3, "x": null}',
    );
  });
});
