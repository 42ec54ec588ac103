import { createServer, get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NodeResponse } from './node-response.js';

let url = '';
const server = createServer((req, res) => {
  if (req.url === '/none') {
    res.writeHead(204).end();
    return;
  }
  res.writeHead(req.url === '/err' ? 429 : 200, {
    'content-type': 'application/json',
    'x-request-id': 'req_1',
    'set-cookie': ['a=1', 'b=2'],
  });
  res.end(JSON.stringify({ ok: req.url !== '/err', text: 'héllo' }));
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const fetchRaw = (path: string) => new Promise<IncomingMessage>((resolve, reject) => get(`${url}${path}`, resolve).on('error', reject));

it('reads status, headers and a JSON body once, as the SDK does', async () => {
  const r = new NodeResponse(await fetchRaw('/err'), `${url}/err`, false);
  expect(r).toMatchObject({ status: 429, ok: false, url: `${url}/err`, bodyUsed: false });
  expect(r.headers.get('x-request-id')).toBe('req_1');
  expect(r.headers.get('set-cookie')).toBe('a=1, b=2');
  expect(await r.json()).toEqual({ ok: false, text: 'héllo' });
  expect(r.bodyUsed).toBe(true);
  await expect(r.text()).rejects.toThrow(/already been used/);
});

it('is iterable chunk by chunk (the streaming path) and has no body for 204', async () => {
  const r = new NodeResponse(await fetchRaw('/ok'), `${url}/ok`, false);
  const chunks: Buffer[] = [];
  for await (const c of r.body ?? []) chunks.push(c as Buffer);
  expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual({ ok: true, text: 'héllo' });
  const empty = new NodeResponse(await fetchRaw('/none'), `${url}/none`, true);
  expect(empty.body).toBeNull();
  expect(await empty.text()).toBe('');
  expect(() => empty.clone()).toThrow(/cannot be cloned/);
});
