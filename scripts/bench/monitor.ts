/**
 * Monitor ingest throughput: a generated production log (default 1,000,000 records, the figure;
 * BENCH_MONITOR_RECORDS for another size) ingested with the default offline judge
 * (BENCH_MONITOR_JUDGE to pick another) into a fresh SQLite store, in a child process per configuration so peak RSS is the ingest's own.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEFAULT_JUDGE } from '../../src/judges/create-judge.js';
import { writeProductionLog } from './monitor-data.js';

const run = promisify(execFile);

interface ChildFigures {
  inserted: number;
  malformed: number;
  lines: number;
  seconds: number;
  /** CPU time of the whole process, all threads: what a record costs whatever else runs on the machine. */
  cpuSeconds: number;
  rerunDuplicates: number;
  rerunInserted: number;
  rerunSeconds: number;
  maxRssMB: number;
}

export async function bench(): Promise<Record<string, string | number>> {
  const records = Number(process.env.BENCH_MONITOR_RECORDS ?? 1_000_000);
  const judge = process.env.BENCH_MONITOR_JUDGE ?? DEFAULT_JUDGE;
  const dir = mkdtempSync(join(tmpdir(), 'rd-bench-monitor-'));
  const file = join(dir, 'production.jsonl');
  try {
    await writeProductionLog(file, records);
    const here = fileURLToPath(import.meta.url);
    const ts = here.endsWith('.ts');
    const child = here.replace(/monitor\.(ts|js)$/, `monitor-ingest.${ts ? 'ts' : 'js'}`);
    const measure = async (workers: number): Promise<ChildFigures> => {
      const db = join(dir, `drill-${workers}.db`);
      const { stdout } = await run(process.execPath, [...(ts ? ['--import', 'tsx'] : []), child, file, db, String(workers), judge], {
        maxBuffer: 1 << 20,
      });
      return JSON.parse(stdout) as ChildFigures;
    };
    const workers = Math.max(1, availableParallelism());
    const pooled = await measure(workers);
    const inThread = await measure(0);
    const rate = (f: ChildFigures) => Math.round(f.inserted / f.seconds);
    return {
      judge,
      records: pooled.lines,
      'file MB': Math.round(statSync(file).size / 2 ** 20),
      'malformed lines (1 in 500, reported)': pooled.malformed,
      [`records/s, ${workers} worker(s)`]: rate(pooled),
      [`CPU µs/record, ${workers} worker(s)`]: Number(((pooled.cpuSeconds / pooled.inserted) * 1e6).toFixed(1)),
      'records/s, judge in-thread': rate(inThread),
      'CPU µs/record, judge in-thread': Number(((inThread.cpuSeconds / inThread.inserted) * 1e6).toFixed(1)),
      'peak RSS MB (workers)': Math.round(pooled.maxRssMB),
      'peak RSS MB (in-thread)': Math.round(inThread.maxRssMB),
      're-run: records/s skipped as already stored': Math.round(pooled.rerunDuplicates / pooled.rerunSeconds),
      're-run: records stored twice': pooled.rerunInserted,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(await bench());
