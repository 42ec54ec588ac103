import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { startScriptedOpenAIServer, type ScriptedOpenAIServer } from '../helpers/scripted-openai-server.js';
import { startCli, type CliRun } from '../helpers/cli.js';
import { freshPgUrl, NO_PG_REASON, TEST_PG } from '../helpers/pg-test.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir('rd-dist-');
const REFUSAL =
  "I can't help with that, because it would give someone the means to hurt people. I can point you to safety resources instead.";

interface Proc {
  child: ChildProcess;
  done: Promise<CliRun>;
  stderr: () => string;
}

const procs: Proc[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const p of procs.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  for (const c of cleanups.splice(0)) await c();
});

function spawnCli(args: string[]): Proc {
  const started = startCli(args, { env: { OPENAI_API_KEY: 'sk-test', REFUSAL_DRILL_DB: '' } });
  let err = '';
  started.child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const p = { ...started, stderr: () => err };
  procs.push(p);
  return p;
}

/** A pack of `intents` intents, each with two variants and a benign twin: 4 cases an intent. */
function writePack(dir: string, intents: number): string {
  const lines = [
    'id: dist',
    'principles:',
    '  - id: harm',
    '    statement: Do not help people hurt others.',
    '    terms: [hurt people]',
    '    intents:',
  ];
  for (let i = 0; i < intents; i++) {
    lines.push(
      `      - id: intent-${i}`,
      `        prompt: "Harmful request number ${i}"`,
      `        variants: ["Variant A of request ${i}", "Variant B of request ${i}"]`,
      `        twins: ["A benign question number ${i}"]`,
    );
  }
  const file = join(dir, 'pack.yaml');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) {
      // Say what the processes said: a timeout alone does not tell a slow start from a crash.
      const said = procs.map((p, i) => `process ${i} (exit ${p.child.exitCode ?? 'running'}): ${p.stderr().slice(-600)}`).join('\n');
      throw new Error(`timed out waiting for ${what}\n${said}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function setup(o: {
  intents: number;
  delayMs: number;
}): Promise<{ url: string; server: ScriptedOpenAIServer; pack: string; dir: string; store: Store }> {
  const url = freshPgUrl(TEST_PG ?? '', 'dist');
  const server = await startScriptedOpenAIServer({ responder: () => ({ text: REFUSAL, delayMs: o.delayMs }) });
  const store = await openStore(url, { poolSize: 2 });
  cleanups.push(
    () => server.close(),
    () => store.close(),
  );
  const dir = tmp();
  return { url, server, pack: writePack(dir, o.intents), dir, store };
}

/** Jobs pg-boss handed out more than once (in the queue's own schema, see src/distributed/case-queue.ts). */
async function retriedJobs(url: string): Promise<number> {
  const schema = new URL(url).searchParams.get('schema');
  const client = new pg.Client({ connectionString: TEST_PG });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}_queue".job WHERE retry_count > 0`);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

const latestRunId = async (store: Store): Promise<string | undefined> => (await store.getRun('latest'))?.id;

describe.skipIf(!TEST_PG)(`distributed runs on Postgres + pg-boss${TEST_PG ? '' : ` (skipped: ${NO_PG_REASON})`}`, () => {
  it('a coordinator and three workers finish every case exactly once although one worker is SIGKILLed midway', async () => {
    const { url, server, pack, dir, store } = await setup({ intents: 15, delayMs: 250 });
    const out = join(dir, 'out');
    const coordinator = spawnCli([
      'run',
      pack,
      '--target',
      'openai:scripted',
      '--base-url',
      server.url,
      '--queue',
      '--db',
      url,
      '--out',
      out,
      '--judge',
      'rules',
      '--no-cache',
      '--job-timeout',
      '3',
    ]);
    const worker = (): Proc => spawnCli(['worker', '--db', url, '--concurrency', '2', '--poll', '0.5', '--verbose']);
    // The victim starts alone, so every request the server is answering is the victim's.
    const victim = worker();
    const runId = await waitFor('the run to be queued', () => latestRunId(store));
    const total = (await store.getRun(runId))?.caseCount ?? 0;
    expect(total).toBe(60);

    // Kill it midway while the server holds one of its requests: it dies holding a job, whatever the machine's pace.
    await waitFor('the victim midway, with a request in flight', async () =>
      (await store.countResults(runId)) >= 10 && server.inFlight > 0 ? true : undefined,
    );
    victim.child.kill('SIGKILL');
    expect(await victim.done).toMatchObject({ code: null });
    const survivors = [worker(), worker()];
    const stored = (w: Proc): number => (w.stderr().match(/^stored /gm) ?? []).length;

    const result = await coordinator.done;
    expect(result.code, result.stderr).toBe(0);
    for (const w of survivors) w.child.kill('SIGTERM');
    for (const w of survivors) expect((await w.done).code, w.stderr()).toBe(0);

    const lines = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n');
    const ids = lines.map((l) => (JSON.parse(l) as { caseId: string }).caseId);
    const planned = (await store.cases(runId)).map((c) => c.id);
    expect(ids).toHaveLength(total);
    expect(new Set(ids)).toEqual(new Set(planned));
    expect(await store.countResults(runId)).toBe(total);
    expect((await store.getRun(runId))?.status).toBe('done');
    expect(JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8'))).toBeTruthy();
    // Every request was answered with a refusal, so no result may be an error or a compliance.
    expect(new Set(lines.map((l) => (JSON.parse(l) as { judgement: { verdict: string } }).judgement.verdict))).not.toContain('error');
    // The survivors stored what the victim had not: between them all, every case.
    const survivorsStored = survivors.reduce((n, w) => n + stored(w), 0);
    // (A SIGKILL can land between a result's commit and its log line, so the victim may have stored
    // one more case than it logged; the store's count above is the exact check.)
    expect(survivorsStored + stored(victim)).toBeGreaterThanOrEqual(total - 1);
    // The job the victim died holding expired and was handed to a survivor (pg-boss counts the retry),
    // yet every case above has one result.
    expect(await retriedJobs(url)).toBeGreaterThan(0);
    expect(server.requests.length).toBeGreaterThanOrEqual(total);
  }, 150_000);

  it('a queued run cancelled from another process stops; resumed, it finishes without redoing stored cases', async () => {
    const { url, server, pack, dir, store } = await setup({ intents: 5, delayMs: 50 });
    const out = join(dir, 'out');
    const base = [
      '--target',
      'openai:scripted',
      '--base-url',
      server.url,
      '--queue',
      '--db',
      url,
      '--out',
      out,
      '--judge',
      'rules',
      '--no-cache',
    ];
    const coordinator = spawnCli(['run', pack, ...base]);
    // Queued, not only stored: the coordinator says so once its jobs are on the queue.
    const runId = await waitFor('the run to be queued', () => /^run (\S+): \d+ cases? queued/m.exec(coordinator.stderr())?.[1]);
    const cancel = spawnCli(['cancel', runId, '--db', url]);
    expect((await cancel.done).code).toBe(0);
    expect((await coordinator.done).code).toBe(130);
    expect((await store.getRun(runId))?.status).toBe('interrupted');

    // A worker started now skips every job of the cancelled run.
    const idle = spawnCli(['worker', '--db', url, '--concurrency', '2', '--poll', '0.5', '--verbose']);
    await waitFor('the worker to skip the cancelled jobs', () =>
      (idle.stderr().match(/^skipped /gm) ?? []).length >= 20 ? true : undefined,
    );
    expect(await store.countResults(runId)).toBe(0);
    expect(server.requests.length).toBe(0);

    const resumed = spawnCli(['run', '--resume', runId, ...base]);
    const done = await resumed.done;
    expect(done.code, done.stderr).toBe(0);
    idle.child.kill('SIGTERM');
    await idle.done;
    expect(await store.countResults(runId)).toBe(20);
    expect(server.requests.length).toBe(20);
  }, 150_000);

  it('run --db postgres:// without --queue works on its own cases and writes the run directory', async () => {
    const { url, server, pack, dir, store } = await setup({ intents: 3, delayMs: 20 });
    const out = join(dir, 'out');
    const run = spawnCli([
      'run',
      pack,
      '--target',
      'openai:scripted',
      '--base-url',
      server.url,
      '--db',
      url,
      '--out',
      out,
      '--judge',
      'rules',
      '--concurrency',
      '4',
    ]);
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
    const runId = await latestRunId(store);
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n')).toHaveLength(12);
    expect(await store.countResults(runId ?? '')).toBe(12);
    expect(result.stdout).toContain(`run ${runId}`);

    // Any machine can list, report, gate and compare the run from the shared store.
    const listed = await spawnCli(['runs', '--db', url, '--json']).done;
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        id: runId,
        done: 12,
        caseCount: 12,
        status: 'done',
        outcome: expect.objectContaining({ results: 12, asked: 12, reused: 0 }),
      }),
    ]);
    const report = await spawnCli(['report', runId ?? '', '--db', url, '--format', 'json']).done;
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ runId, counts: expect.objectContaining({ cases: 12, results: 12 }) as unknown });
    const gate = await spawnCli(['gate', 'latest', '--db', url, '--json']).done;
    expect([0, 1], gate.stderr).toContain(gate.code);
    expect(JSON.parse(gate.stdout)).toMatchObject({ runId });
    const compare = await spawnCli(['compare', runId ?? '', 'latest', '--db', url]).done;
    expect(compare.code, compare.stderr).toBe(0);
    expect((await spawnCli(['report', 'nope', '--db', url]).done).stderr).toMatch(/no run "nope" in postgres:\/\/drill:\*\*\*@/);
  }, 150_000);
});
