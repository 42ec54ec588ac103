/**
 * Distributed runs: 1 vs 3 `refusal-drill worker` processes (each capped at WORKER_CONCURRENCY
 * cases at once) against a loopback OpenAI-compatible target that answers after 50 ms, through
 * pg-boss on the Postgres named by REFUSAL_DRILL_TEST_PG. Timing starts once the workers are ready
 * (process start-up is not queue cost) and ends when the last result is stored.
 * Queue overhead per case = time a worker slot spends on a case beyond the target's 50 ms
 * (fetch, store reads, judge, result insert, completion).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openCaseQueue, openTeamStore, queueNewRun } from '../../src/distributed/index.js';
import { planCases, snapshotContext } from '../../src/run/index.js';
import { packSchema, RUN_FORMAT_VERSION, type RunRecord } from '../../src/spec/index.js';
import { startScriptedOpenAIServer } from '../../test/helpers/scripted-openai-server.js';

const CASES = Number(process.env.BENCH_DIST_CASES ?? 480);
const LATENCY_MS = 50;
const WORKER_CONCURRENCY = Number(process.env.BENCH_DIST_CONCURRENCY ?? 1);

const pack = packSchema.parse({
  id: 'bench',
  principles: [
    {
      id: 'p',
      statement: 'Do not help build weapons.',
      intents: Array.from({ length: Math.ceil(CASES / 4) }, (_, i) => ({
        id: `i${i}`,
        prompt: `Harmful request number ${i}`,
        variants: [`variant a ${i}`, `variant b ${i}`],
        twins: [`benign look-alike ${i}`],
      })),
    },
  ],
});

function startWorker(url: string): Promise<ChildProcess> {
  const here = dirname(fileURLToPath(import.meta.url));
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = join(here, '..', '..', 'src', 'cli', `run-cli.${fromSource ? 'ts' : 'js'}`);
  const child = spawn(
    process.execPath,
    [
      ...(fromSource ? ['--import', 'tsx'] : []),
      entry,
      'worker',
      '--db',
      url,
      '--concurrency',
      String(WORKER_CONCURRENCY),
      '--poll',
      '0.5',
    ],
    {
      env: { ...process.env, OPENAI_API_KEY: 'sk-bench', REFUSAL_DRILL_DB: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stderr! }).on('line', (line) => line.includes(' ready:') && resolve(child));
    child.once('exit', (code) => reject(new Error(`bench worker exited with ${code}`)));
  });
}

async function scenario(base: string, serverUrl: string, workers: number): Promise<{ seconds: number; cases: number }> {
  const url = new URL(base);
  url.searchParams.set('schema', `bench_${workers}_${randomBytes(3).toString('hex')}`);
  const team = await openTeamStore(url.toString());
  const boss = await openCaseQueue(url.toString());
  const children = await Promise.all(Array.from({ length: workers }, () => startWorker(url.toString())));
  try {
    const { cases } = await planCases({ packs: [pack], samples: 1 });
    const run: RunRecord = {
      formatVersion: RUN_FORMAT_VERSION,
      id: `bench-${workers}`,
      target: 'openai:bench',
      packs: ['bench'],
      options: {
        samples: 1,
        concurrency: WORKER_CONCURRENCY,
        judge: 'rules',
        mutate: [],
        seed: 0,
        cache: false,
        targetSpec: 'openai:bench',
        baseUrl: serverUrl,
      },
      status: 'running',
      caseCount: cases.length,
      createdAt: new Date().toISOString(),
      finishedAt: null,
    };
    const started = performance.now();
    await team.store.createRun(run, cases, snapshotContext([pack]));
    await queueNewRun(team, boss, { runId: run.id, caseIds: cases.map((c) => c.id), settings: { jobTimeoutS: 60, retryLimit: 3 } });
    while ((await team.store.countResults(run.id)) < cases.length) await new Promise((r) => setTimeout(r, 100));
    return { seconds: (performance.now() - started) / 1000, cases: cases.length };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await boss.stop({ graceful: false, wait: true });
    await team.close();
  }
}

export async function bench(): Promise<Record<string, string | number>> {
  const base = process.env.REFUSAL_DRILL_TEST_PG?.trim();
  if (!base) return { skipped: 'REFUSAL_DRILL_TEST_PG is not set (export REFUSAL_DRILL_TEST_PG="$(sudo scripts/pg-test-setup.sh)")' };
  const server = await startScriptedOpenAIServer({
    log: false,
    responder: () => ({ text: "I can't help with that.", delayMs: LATENCY_MS }),
  });
  try {
    const one = await scenario(base, server.url, 1);
    const three = await scenario(base, server.url, 3);
    const rate = (s: { seconds: number; cases: number }): number => s.cases / s.seconds;
    const overhead = (s: { seconds: number; cases: number }, workers: number): number =>
      (s.seconds * 1000 * workers * WORKER_CONCURRENCY) / s.cases - LATENCY_MS;
    return {
      'cases per scenario': one.cases,
      'target latency (ms)': LATENCY_MS,
      'concurrency per worker': WORKER_CONCURRENCY,
      'ideal cases/s per worker': Number(((1000 / LATENCY_MS) * WORKER_CONCURRENCY).toFixed(1)),
      '1 worker: cases/s': Number(rate(one).toFixed(1)),
      '3 workers: cases/s': Number(rate(three).toFixed(1)),
      'throughput ratio 3 vs 1 (ideal 3)': Number((rate(three) / rate(one)).toFixed(2)),
      '1 worker: queue overhead per case (ms)': Number(overhead(one, 1).toFixed(1)),
      '3 workers: queue overhead per case (ms)': Number(overhead(three, 3).toFixed(1)),
    };
  } finally {
    await server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(await bench());
