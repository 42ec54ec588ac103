import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DrillError } from '../spec/index.js';
import type { Calibration } from '../spec/index.js';
import type { ChunkResult, ChunkSettings, RawLine } from './prepare-chunk.js';

export interface IngestPoolOptions {
  size: number;
  /** Judge spec each worker builds its own judge from (`rules`, `model`, `cascade`). */
  judge: string;
  /** The judge's confidence map (`refusal-drill calibrate`), applied by every worker. */
  calibration?: Calibration;
  /** Packs each worker matches records against; null = every built-in, false = no matching. */
  packs: string[] | null | false;
  /** The store file, opened read-only by each worker to skip records already stored. */
  dbPath?: string;
  /**
   * Workers also write their chunks into `dbPath` (SQLite), one at a time under a lock they share,
   * instead of sending the judged rows back: copying rows between threads cost as much as writing them.
   */
  write?: boolean;
}

/** Where a worker writes a chunk's rows when the pool writes (the ingest's bookkeeping). */
export interface WriteTarget {
  source: string;
  judge: string;
  ingestId: number;
}

/** A chunk for a worker: lines already split, or undecoded bytes of whole lines (moved, not copied). */
export type ChunkInput = { lines: RawLine[] } | { bytes: Uint8Array; firstLine: number };

export interface IngestPool {
  readonly size: number;
  /** Whether workers write chunks themselves (see IngestPoolOptions.write). */
  readonly writes: boolean;
  /**
   * Parses, matches and judges a chunk; with `target` (a writing pool) also stores the rows and
   * returns `inserted` instead of them. Bytes are transferred: the caller must not use them after.
   */
  prepare(settings: ChunkSettings, input: ChunkInput, target?: WriteTarget): Promise<ChunkResult>;
  close(): Promise<void>;
}

export interface WorkerData extends Omit<IngestPoolOptions, 'size'> {
  kind: 'refusal-drill-ingest';
  /** One Int32 shared by the workers: 1 while one of them holds the store's write transaction. */
  writeLock: SharedArrayBuffer;
}

export interface WorkerRequest {
  id: number;
  settings: ChunkSettings;
  input: ChunkInput;
  target?: WriteTarget;
}

type Reply = { id: number; result?: ChunkResult; error?: string } | { ready: true };

/**
 * Worker threads that parse, match and judge chunks of log lines, so the ingesting thread only
 * reads and writes. Chunks go round-robin; the caller writes results in order.
 */
export async function createIngestPool(options: IngestPoolOptions): Promise<IngestPool> {
  const here = fileURLToPath(import.meta.url);
  const ts = here.endsWith('.ts');
  // Beside this file: in src/ or dist/src/, and in the bundled CLI (dist/cli/, where this code sits in a chunk).
  const file = join(dirname(here), `ingest-worker.${ts ? 'ts' : 'js'}`);
  const writes = Boolean(options.write && options.dbPath);
  const workerData: WorkerData = {
    kind: 'refusal-drill-ingest',
    judge: options.judge,
    calibration: options.calibration,
    packs: options.packs,
    dbPath: options.dbPath,
    write: writes,
    writeLock: new SharedArrayBuffer(4),
  };
  const pending = new Map<number, { resolve: (r: ChunkResult) => void; reject: (e: Error) => void }>();
  let next = 0;
  const start = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const w = ts
        ? // From source (tests, tsx) the worker registers the TypeScript loader first; from dist it is plain JS.
          new Worker(
            `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`,
            { eval: true, workerData },
          )
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
    writes,
    prepare: (settings, input, target) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        const request: WorkerRequest = { id, settings, input, target: writes ? target : undefined };
        (workers[id % workers.length] as Worker).postMessage(request, 'bytes' in input ? [input.bytes.buffer as ArrayBuffer] : []);
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
