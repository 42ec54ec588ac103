/**
 * Contamination audit at scale: 10,000 drill prompts against a generated JSONL corpus
 * (BENCH_AUDIT_MB, default 1024: the 1 GB figure) with planted exact, edited and
 * paraphrased-by-template copies and near-miss decoys. Each size runs in its own child process
 * so peak RSS is measured per size (flat memory: the big corpus should not need more).
 * Throughput per CPU-second is the "one core" figure; wall-clock MB/s depends on machine load.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DetectorScore } from '../../test/helpers/audit/detector-scores.js';
import { writePlantedCorpus } from '../../test/helpers/audit/planted-corpus.js';
import { BENCH_DECOYS, BENCH_PER_KIND, BENCH_PROMPTS, benchPlantedSet } from './audit-set.js';

const MB = Number(process.env.BENCH_AUDIT_MB ?? 1024);
const SEED = 42;

interface ChildFigures {
  bytes: number;
  records: number;
  wall: number;
  scanSeconds: number;
  cpu: number;
  indexMs: number;
  maxRssMB: number;
  scores: DetectorScore[];
}

function runChild(file: string): Promise<ChildFigures> {
  const here = dirname(fileURLToPath(import.meta.url));
  const script = join(here, `audit-child${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`);
  const child = spawn(process.execPath, [...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), script, file, String(SEED)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as ChildFigures) : reject(new Error(`audit bench child exited with ${code}`)),
    );
  });
}

// Calibrates the machine: the same loop is ~1 ns per iteration on a current desktop core.
function loopNs(): number {
  let x = 0;
  const n = 2e8;
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) x = (x + Math.imul(i, 0x9e3779b1)) | 0;
  const c = process.cpuUsage(c0);
  return x === 0.5 ? 0 : ((c.user + c.system) * 1000) / n;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

export async function bench(): Promise<Record<string, string | number>> {
  const set = benchPlantedSet(SEED);
  const dir = mkdtempSync(join(tmpdir(), 'rd-bench-audit-'));
  const runs: Array<{ mb: number; f: ChildFigures }> = [];
  try {
    for (const mb of [Math.max(8, Math.round(MB / 4)), MB]) {
      const file = join(dir, `corpus-${mb}.jsonl`);
      writePlantedCorpus({ file, bytes: mb * 2 ** 20, set, seed: SEED + mb });
      try {
        runs.push({ mb, f: await runChild(file) });
      } finally {
        rmSync(file, { force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [small, big] = [runs[0]!, runs[1]!];
  const size = big.f.bytes / 2 ** 20;
  const scanCpu = big.f.cpu - big.f.indexMs / 1000;
  const figures: Record<string, string | number> = {
    corpus: `${size.toFixed(0)} MB JSONL, ${big.f.records.toLocaleString('en')} records; ${BENCH_PROMPTS.toLocaleString('en')} drill prompts, ${BENCH_PER_KIND} planted copies per kind, ${BENCH_DECOYS} near-miss decoys`,
    'throughput per CPU-second (one core)': `${(size / scanCpu).toFixed(1)} MB/s (target ≥ 50)`,
    'throughput, wall clock': `${(size / big.f.scanSeconds).toFixed(1)} MB/s`,
    'index build (10,000 prompts)': `${big.f.indexMs.toFixed(0)} ms`,
    'peak RSS by corpus size': `${small.mb} MB → ${small.f.maxRssMB.toFixed(0)} MB RSS; ${big.mb} MB → ${big.f.maxRssMB.toFixed(0)} MB RSS (ratio ${(big.f.maxRssMB / small.f.maxRssMB).toFixed(2)})`,
    'machine speed (imul loop)': `${loopNs().toFixed(2)} ns/iteration (≈1 on a current desktop core)`,
  };
  for (const s of big.f.scores) {
    figures[`${s.detector === 'any' ? 'audit (any detector)' : s.detector}: recall exact / edited / paraphrased`] =
      `${pct(s.recall.exact)} / ${pct(s.recall.edited)} / ${pct(s.recall.paraphrased)}`;
    figures[`${s.detector === 'any' ? 'audit (any detector)' : s.detector}: precision`] =
      `${pct(s.precision)} (${s.falsePositives} of ${s.flagged} flagged not planted)`;
  }
  return figures;
}
