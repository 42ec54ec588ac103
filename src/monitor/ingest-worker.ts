import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createJudge } from '../judges/create-judge.js';
import type { WorkerData } from './ingest-pool.js';
import { loadMatcher } from './load-matcher.js';
import { createChunkPreparer, type ChunkSettings, type RawLine } from './prepare-chunk.js';

// Each worker builds its own judge, matcher and read-only connection; preparers are kept per ingest
// settings so a long-lived pool can serve several ingests.
const data = workerData as WorkerData;
const judge = createJudge(data.judge);
const matcher = data.packs === false ? undefined : loadMatcher(data.packs);
const db = data.dbPath && existsSync(data.dbPath) ? new Database(data.dbPath, { readonly: true, fileMustExist: true }) : undefined;
// Prepared on first use: the pool may start before the ingest has created the monitor tables.
let lookup: ReturnType<Database.Database['prepare']> | undefined;
const exists = db
  ? (id: string): boolean => {
      lookup ??= db.prepare('SELECT 1 FROM monitor_records WHERE id = ?').pluck();
      return lookup.get(id) !== undefined;
    }
  : undefined;
const preparers = new Map<string, ReturnType<typeof createChunkPreparer>>();

parentPort?.on('message', async (msg: { id: number; settings: ChunkSettings; lines: RawLine[] }) => {
  try {
    const key = JSON.stringify(msg.settings);
    let prepare = preparers.get(key);
    if (!prepare) preparers.set(key, (prepare = createChunkPreparer(msg.settings, { judge, matcher, exists })));
    parentPort?.postMessage({ id: msg.id, result: await prepare(msg.lines) });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
parentPort?.postMessage({ ready: true });
