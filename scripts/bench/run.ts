/**
 * The foundation loop at scale: 5,000 single-turn cases against an OpenAI-compatible server on
 * loopback that answers instantly (in a child process), concurrency 64, judged and stored in SQLite.
 * Harness CPU = this process's user+system CPU over the run, per case.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJudge, DEFAULT_JUDGE } from '../../src/judges/create-judge.js';
import { EMPTY_CONTEXT, planCases, runDrill } from '../../src/run/index.js';
import { packSchema, RUN_FORMAT_VERSION, type RunRecord } from '../../src/spec/index.js';
import { openStore } from '../../src/store/index.js';
import { createTarget } from '../../src/targets/create-target.js';
import { startBenchServer } from './bench-server.js';
import { benchPack } from './bench-pack.js';

const CASES = Number(process.env.BENCH_RUN_CASES ?? 5000);
const CONCURRENCY = 64;

export async function bench(): Promise<Record<string, string | number>> {
  const pack = packSchema.parse(benchPack(CASES));
  const server = await startBenchServer();
  const dir = mkdtempSync(join(tmpdir(), 'rd-bench-'));
  try {
    const store = await openStore(join(dir, 'bench.db'));
    const { cases } = await planCases({ packs: [pack], samples: 1 });
    const run: RunRecord = {
      formatVersion: RUN_FORMAT_VERSION,
      id: 'bench',
      target: 'openai:bench',
      packs: ['bench'],
      options: { samples: 1, concurrency: CONCURRENCY, judge: DEFAULT_JUDGE, mutate: [], seed: 0, cache: false },
      status: 'running',
      caseCount: cases.length,
      createdAt: new Date().toISOString(),
      finishedAt: null,
    };
    await store.createRun(run, cases, EMPTY_CONTEXT);
    const target = createTarget('openai:bench', { baseUrl: server.url, concurrency: CONCURRENCY, env: {} });
    const judge = createJudge(DEFAULT_JUDGE);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await runDrill({ store, run, context: EMPTY_CONTEXT, tools: { target, judge }, concurrency: CONCURRENCY });
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    // Read before loading the results back for the error count below.
    const peakRss = process.resourceUsage().maxRSS / 1024;
    const stored = await store.results('bench');
    const errors = stored.filter((r) => r.judgement.verdict === 'error').length;
    await store.close();
    await target.close?.();
    const cpuMs = (cpu.user + cpu.system) / 1000;
    return {
      cases: cases.length,
      'cases stored (errors)': `${stored.length} (${errors})`,
      'wall time': `${(wall / 1000).toFixed(2)} s (${((cases.length / wall) * 1000).toFixed(0)} cases/s)`,
      'harness CPU per case': `${(cpuMs / cases.length).toFixed(3)} ms (aim ≤ 0.5 ms; promptfoo v0.121: ~14 ms)`,
      'peak RSS': `${peakRss.toFixed(0)} MB (aim ≤ 150 MB; promptfoo 255–340 MB)`,
    };
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
