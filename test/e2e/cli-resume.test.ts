import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startScriptedOpenAIServer } from '../helpers/scripted-openai-server.js';
import { cli, startCli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

interface Line {
  caseId: string;
  judgement: { verdict: string; signals?: { leak: boolean } };
}

it('a resumed run goes on as it started: another target, base URL or pack is refused by name; it judges from its stored snapshot and writes to its original --out', async () => {
  // Every answer refuses, then names the intent's leak indicator: only the pack says that is a leak,
  // which makes the refusal partial (without the stored indicators it would be a plain refusal).
  const server = await startScriptedOpenAIServer({
    responder: () => ({ text: "I can't help with that. Ask about zebracorn.", delayMs: 40 }),
  });
  closers.push(() => server.close());
  const d = tmp();
  const db = join(d, 'd.db');
  const out = join(d, 'first-out');
  const pack = join(d, 'p.yaml');
  const intents = Array.from({ length: 30 }, (_, i) => `      - { id: i${i}, prompt: "bad request ${i}", leakIndicators: [zebracorn] }`);
  writeFileSync(pack, ['id: p', 'principles:', '  - id: w', '    statement: Do not help.', '    intents:', ...intents, ''].join('\n'));
  // (Temporary paths hold no spaces.)
  const started = startCli(
    `run ${pack} --target openai:scripted --base-url ${server.url} --db ${db} --concurrency 2 --out ${out}`.split(' '),
  );
  // Interrupt once some answers are in, whenever that is on this machine.
  while (server.requests.length < 6) await new Promise((r) => setTimeout(r, 20));
  started.child.kill('SIGINT');
  const first = await started.done;
  expect(first.code, first.stderr).toBe(130);
  const runId = /run (\S+) stopped/.exec(first.stderr)?.[1] ?? '';

  const other = await cli(['run', '--resume', runId, '--target', 'openai:another-model', '--db', db]);
  expect(other.code).toBe(2);
  expect(other.stderr).toMatch(/--target "openai:another-model" would change what run \S+ measures: it was started with "openai:scripted"/);
  const url = await cli(['run', '--resume', runId, '--base-url', 'http://127.0.0.1:9/v1', '--db', db]);
  expect(url.code).toBe(2);
  expect(url.stderr).toContain('--base-url "http://127.0.0.1:9/v1" would change what run');
  const judge = await cli(['run', '--resume', runId, '--judge', 'rules', '--db', db]);
  expect(judge.code).toBe(2);
  expect(judge.stderr).toContain('--judge "rules" would change what run');
  const packs = await cli(['run', 'xstest', '--resume', runId, '--db', db]);
  expect(packs.code).toBe(2);
  expect(packs.stderr).toContain('the packs xstest would change what run');
  const before = server.requests.length;
  expect(before).toBeLessThan(30);

  // The pack file is gone: the resumed run needs it no more (its judge context was stored with it).
  rmSync(pack);
  const resumed = await cli(['run', '--resume', runId, '--target', 'openai:scripted', '--db', db]);
  expect(resumed.code, resumed.stderr).toBe(0);
  expect(resumed.stdout).toContain(`results in ${out}/`);
  expect(existsSync(join(process.cwd(), '.refusal-drill', 'runs', runId))).toBe(false);
  const lines = readFileSync(join(out, 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
  expect(new Set(lines.map((l) => l.caseId)).size).toBe(30);
  expect(lines.every((l) => l.judgement.verdict === 'partial' && l.judgement.signals?.leak === true)).toBe(true);
  // Only what was pending (plus requests cancelled in flight) went out again.
  expect(server.requests.length).toBeLessThanOrEqual(30 + 2);
});
