import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createTarget } from '../../src/targets/index.js';
import type { Target } from '../../src/spec/index.js';
import { cli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';
import { useClosers } from '../helpers/closers.js';

const tmp = useTmpDir('faults-cap-');
const closers = useClosers();

const ask = { messages: [{ role: 'user' as const, content: 'hi' }] };
const CAP = 64 * 1024;

/** A server whose answer never ends: one SSE delta after another, as fast as the socket takes them. */
async function floodServer(kind: 'sse' | 'json'): Promise<{ url: string; bytesSent: () => number }> {
  let sent = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    const delta = `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta: { content: 'flood '.repeat(200) }, finish_reason: null }] })}\n\n`;
    res.writeHead(200, { 'content-type': kind === 'sse' ? 'text/event-stream' : 'application/json' });
    if (kind === 'json') res.write('{"answer": "');
    const pump = (): void => {
      while (!res.destroyed) {
        sent += delta.length;
        if (!res.write(kind === 'sse' ? delta : 'x'.repeat(4096))) return void res.once('drain', pump);
      }
    };
    res.on('error', () => undefined);
    pump();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bytesSent: () => sent };
}

async function failure(t: Target): Promise<{ kind?: string; message: string }> {
  closers.push(async () => t.close?.());
  return t.generate(ask).then(
    () => ({ message: 'answered' }),
    (e: unknown) => e as { kind?: string; message: string },
  );
}

it('an endless stream from an OpenAI-compatible server is a too-large error once past the cap, not memory exhausted', async () => {
  const s = await floodServer('sse');
  const e = await failure(createTarget('openai:m', { baseUrl: `${s.url}/v1`, maxResponseBytes: CAP, retries: 0, env: {} }));
  expect(e.kind, e.message).toBe('too-large');
  expect(e.message).toContain(`larger than ${CAP} bytes`);
});

it('an http target whose JSON body has no end is a too-large error', async () => {
  const s = await floodServer('json');
  const d = tmp();
  const config = join(d, 'http.yaml');
  writeFileSync(config, `url: ${s.url}/answer\nbody: { prompt: "{{prompt}}" }\nresponsePath: answer\n`);
  const e = await failure(createTarget(`http:${config}`, { maxResponseBytes: CAP, retries: 0, env: {} }));
  expect(e.kind, e.message).toBe('too-large');
});

it('an exec program writing a 10 MB reply line fails that case as too-large (--max-response-bytes), and the run still finishes', async () => {
  const d = tmp();
  const prog = join(d, 'big.mjs');
  writeFileSync(
    prog,
    `import { createInterface } from 'node:readline';
createInterface({ input: process.stdin }).on('line', (l) => {
  const r = JSON.parse(l);
  const big = r.messages[0].content.includes('big');
  process.stdout.write(JSON.stringify({ id: r.id, text: big ? 'x'.repeat(10 * 1024 * 1024) : "I can't help with that." }) + '\\n');
});
`,
  );
  writeFileSync(
    join(d, 'p.yaml'),
    [
      'id: p',
      'principles:',
      '  - id: w',
      '    statement: Do not help.',
      '    intents:',
      '      - { id: a, prompt: "a big request" }',
      '      - { id: b, prompt: "a small request" }',
      '',
    ].join('\n'),
  );
  const out = join(d, 'out');
  const r = await cli([
    'run',
    join(d, 'p.yaml'),
    '--target',
    `exec:${process.execPath} ${prog}`,
    '--max-response-bytes',
    String(CAP),
    '--db',
    join(d, 'd.db'),
    '--out',
    out,
  ]);
  expect(r.code, r.stderr).toBe(0);
  const lines = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n');
  const results = lines.map((l) => JSON.parse(l) as { judgement: { verdict: string; error?: string } });
  const errors = results.filter((x) => x.judgement.verdict === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]?.judgement.error).toMatch(/^too-large: .*longer than 65536 bytes/);
  expect(readFileSync(join(out, 'results.jsonl')).length).toBeLessThan(CAP * 4);
});
