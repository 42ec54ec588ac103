import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DrillError } from '../spec/errors.js';
import type { ChunkResult, ChunkSettings, RawLine } from './prepare-chunk.js';

export interface IngestPoolOptions {
  size: number;
  /** Judge spec each worker builds its own judge from (`rules`, `model`, `cascade`). */
  judge: string;
  /** Packs each worker matches records against; null = every built-in, false = no matching. */
  packs: string[] | null | false;
  /** The store file, opened read-only by each worker to skip records already stored. */
  dbPath?: string;
}

export interface IngestPool {
  readonly size: number;
  prepare(settings: ChunkSettings, lines: RawLine[]): Promise<ChunkResult>;
  close(): Promise<void>;
}

export interface WorkerData extends Omit<IngestPoolOptions, 'size'> {
  kind: 'refusal-drill-ingest';
}

type Reply = { id: number; result?: ChunkResult; error?: string } | { ready: true };

/**
 * Worker threads that parse, match and judge chunks of log lines, so the ingesting thread only
 * reads and writes. Chunks go round-robin; the caller writes results in order.
 */
export async function createIngestPool(options: IngestPoolOptions): Promise<IngestPool> {
  const here = fileURLToPath(import.meta.url);
  const ts = here.endsWith('.ts');
  const file = here.replace(/ingest-pool\.(ts|js)$/, `ingest-worker.${ts ? 'ts' : 'js'}`);
  const workerData: WorkerData = { kind: 'refusal-drill-ingest', judge: options.judge, packs: options.packs, dbPath: options.dbPath };
  const pending = new Map<number, { resolve: (r: ChunkResult) => void; reject: (e: Error) => void }>();
  let next = 0;
  const start = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const w = ts
        ? // From source (tests, tsx) the worker registers the TypeScript loader first; from dist it is plain JS.
          new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`, { eval: true, workerData })
        : new Worker(file, { workerData });
      w.on('message', (m: Reply) => {
        if ('ready' in m) return resolve(w);
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.result) p?.resolve(m.result);
        else p?.reject(new DrillError(`ingest worker: ${m.error ?? 'no result'}`, 70));
      });
      w.once('error', (e) => {
        reject(e);
        for (const p of pending.values()) p.reject(e);
        pending.clear();
      });
    });
  const workers = await Promise.all(Array.from({ length: Math.max(1, options.size) }, start));
  return {
    size: workers.length,
    prepare: (settings, lines) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        (workers[id % workers.length] as Worker).postMessage({ id, settings, lines });
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
