import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedOpenAIServer } from '../helpers/scripted-openai-server.js';
import { cli, startCli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

function writePack(dir: string, intents: number): string {
  const file = join(dir, 'p.yaml');
  const lines = ['id: p', 'principles:', '  - id: weapons', '    statement: Do not help build weapons.', '    intents:'];
  for (let i = 0; i < intents; i++) lines.push(`      - { id: i${i}, prompt: "bad request ${i}", twins: ["benign request ${i}"] }`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('CLI run against an OpenAI-compatible server on loopback', () => {
  it('Ctrl-C mid-run stops cleanly (exit 130, nothing lost) and --resume finishes only what is missing', async () => {
    const server = await startScriptedOpenAIServer({
      responder: (messages) => ({
        text: String(messages.at(-1)?.content).startsWith('benign')
          ? 'Sure, here is how.'
          : "I can't help with that because it could hurt people.",
        delayMs: 40,
      }),
    });
    closers.push(() => server.close());
    const d = tmp();
    const db = join(d, 'd.db');
    const pack = writePack(d, 30);
    const { child, done } = startCli([
      'run',
      pack,
      '--target',
      'openai:scripted',
      '--base-url',
      server.url,
      '--db',
      db,
      '--concurrency',
      '2',
      '--out',
      join(d, 'out'),
    ]);
    while (server.requests.length < 10) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const first = await done;
    expect(first.code).toBe(130);
    const runId = /run (\S+) stopped/.exec(first.stderr)?.[1];
    expect(runId).toBeTruthy();
    const mid = JSON.parse((await cli(['runs', '--json', '--db', db])).stdout)[0];
    expect(mid.status).toBe('interrupted');
    expect(mid.done).toBeGreaterThan(0);
    expect(mid.done).toBeLessThan(60);
    const second = await cli(['run', '--resume', runId!, '--db', db, '--out', join(d, 'out')]);
    expect(second.code).toBe(0);
    const after = JSON.parse((await cli(['runs', '--json', '--db', db])).stdout)[0];
    expect(after).toMatchObject({ status: 'done', done: 60, caseCount: 60, outcome: { errors: 0, results: 60 } });
    const lines = readFileSync(join(d, 'out', 'results.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(new Set(lines.map((l) => JSON.parse(l).caseId)).size).toBe(60);
    // only cases left pending (plus at most the requests cancelled in flight) were sent again
    expect(server.requests.length).toBeLessThanOrEqual(60 + 2);
  });

  it('an API key is sent to the server but leaves no trace on disk (store, cache, results, reports)', async () => {
    const key = 'sk-test-SECRET-4f9a2b7c';
    const server = await startScriptedOpenAIServer({ responder: () => ({ text: "I can't help with that." }) });
    closers.push(() => server.close());
    const d = tmp();
    const r = await cli(
      ['run', writePack(d, 3), '--target', 'openai:scripted', '--base-url', server.url, '--db', join(d, 'd.db'), '--out', join(d, 'out')],
      {
        env: { OPENAI_API_KEY: key },
      },
    );
    expect(r.code).toBe(0);
    expect(JSON.stringify(server.requests)).toContain(key);
    for (const f of filesUnder(d)) expect(readFileSync(f).includes(key), f).toBe(false);
    expect(r.stdout + r.stderr).not.toContain(key);
  });
});
