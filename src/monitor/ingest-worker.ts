import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createJudge } from '../judges/index.js';
import { chunkLines } from './chunk-lines.js';
import type { WorkerData, WorkerRequest, WriteTarget } from './ingest-pool.js';
import { loadMatcher } from './load-matcher.js';
import { createChunkPreparer, type RecordRow } from './prepare-chunk.js';
import { sqliteMonitorStore } from './sqlite-monitor-store.js';

// Each worker builds its own judge, matcher and read-only connection; preparers are kept per ingest
// settings so a long-lived pool can serve several ingests.
const data = workerData as WorkerData;
const judge = createJudge(data.judge, { calibration: data.calibration });
const matcher = data.packs === false ? undefined : loadMatcher(data.packs);
const db =
  data.dbPath && existsSync(data.dbPath)
    ? new Database(data.dbPath, { readonly: !data.write, fileMustExist: true, timeout: 10_000 })
    : undefined;
// Writing workers each have a store connection and take turns under a lock, so SQLite never has
// to arbitrate between them (its busy handler sleeps in coarse steps).
const writer = db && data.write ? sqliteMonitorStore({ db, path: data.dbPath ?? '' }) : undefined;
const lock = new Int32Array(data.writeLock);
const write = async (rows: RecordRow[], target: WriteTarget): Promise<number> => {
  if (!writer) throw new Error('this ingest pool does not write');
  while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1, 100);
  try {
    return await writer.insertRecords(rows, target);
  } finally {
    Atomics.store(lock, 0, 0);
    Atomics.notify(lock, 0, 1);
  }
};
// Prepared on first use: the pool may start before the ingest has created the monitor tables.
let lookup: ReturnType<Database.Database['prepare']> | undefined;
const exists = db
  ? (id: string): boolean => {
      lookup ??= db.prepare('SELECT 1 FROM monitor_records WHERE id = ?').pluck();
      return lookup.get(id) !== undefined;
    }
  : undefined;
const preparers = new Map<string, ReturnType<typeof createChunkPreparer>>();

parentPort?.on('message', async (msg: WorkerRequest) => {
  try {
    const key = JSON.stringify(msg.settings);
    let prepare = preparers.get(key);
    if (!prepare) preparers.set(key, (prepare = createChunkPreparer(msg.settings, { judge, matcher, exists })));
    const split = 'bytes' in msg.input ? chunkLines(msg.input.bytes, msg.input.firstLine) : { lines: msg.input.lines, errors: [] };
    const result = await prepare(split.lines);
    // The ingest sorts errors by line as it gathers them.
    if (split.errors.length) result.errors = [...split.errors, ...result.errors];
    if (msg.target) {
      const inserted = result.rows.length ? await write(result.rows, msg.target) : 0;
      result.duplicates += result.rows.length - inserted;
      result.inserted = inserted;
      result.rows = [];
    }
    parentPort?.postMessage({ id: msg.id, result });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
parentPort?.postMessage({ ready: true });
