import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { startScriptedOpenAIServer } from '../helpers/scripted-openai-server.js';
import { useTmpDir } from '../helpers/tmp-dir.js';
import { useClosers } from '../helpers/closers.js';
import { ONE_INTENT_PACK } from '../helpers/one-intent-pack.js';

const tmp = useTmpDir('faults-baseurl-');
const closers = useClosers();

it('credentials in --base-url reach the server but never run.json or the store; the path goes before the query; a resume must be given them again', async () => {
  const server = await startScriptedOpenAIServer({ responder: () => ({ text: "I can't help with that." }) });
  closers.push(() => server.close());
  const d = tmp();
  const db = join(d, 'd.db');
  const out = join(d, 'out');
  writeFileSync(join(d, 'p.yaml'), ONE_INTENT_PACK);
  const origin = new URL(server.url);
  const base = `http://drilluser:Pw-c0rrect-horse@${origin.host}/v1?api_key=SECRET-QUERY-KEY-123&api-version=2024-06-01`;
  const run = await cli(['run', join(d, 'p.yaml'), '--target', 'openai:m', '--base-url', base, '--db', db, '--out', out]);
  expect(run.code, run.stderr).toBe(0);

  const chat = server.requests.find((r) => r.method === 'POST');
  expect(chat?.path).toBe('/v1/chat/completions');
  expect(new URLSearchParams(chat?.query).get('api_key')).toBe('SECRET-QUERY-KEY-123');
  expect(new URLSearchParams(chat?.query).get('api-version')).toBe('2024-06-01');

  const stored = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { options: { baseUrl: string; baseUrlCredentials?: boolean } };
  expect(stored.options.baseUrl).toBe(`http://${origin.host}/v1?api-version=2024-06-01`);
  expect(stored.options.baseUrlCredentials).toBe(true);
  // Every byte written anywhere: the store (and its WAL), the run directory.
  const written = [
    db,
    ...readdirSync(d)
      .filter((f) => f.startsWith('d.db-'))
      .map((f) => join(d, f)),
    ...readdirSync(out).map((f) => join(out, f)),
  ];
  for (const file of written) {
    const bytes = readFileSync(file).toString('latin1');
    expect(bytes, file).not.toContain('SECRET-QUERY-KEY-123');
    expect(bytes, file).not.toContain('Pw-c0rrect-horse');
    expect(bytes, file).not.toContain('drilluser');
  }

  const runId = /run (\S+): results in/.exec(run.stdout)?.[1] ?? '';
  const bare = await cli(['run', '--resume', runId, '--db', db]);
  expect(bare.code).toBe(2);
  expect(bare.stderr).toContain('carried credentials');
  const again = await cli(['run', '--resume', runId, '--base-url', base, '--db', db, '--out', join(d, 'again')]);
  expect(again.code, again.stderr).toBe(0);
});
