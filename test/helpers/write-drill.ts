import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseResult, RunRecord } from '../../src/spec/index.js';
import { openStore } from '../../src/store/index.js';
import { snapshotContext } from '../../src/run/index.js';

/** Writes a run directory exactly as `run --out` does: run.json and results.jsonl. */
export function writeDrillDir(dir: string, drill: { run: RunRecord; results: CaseResult[] }): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'run.json'), `${JSON.stringify(drill.run, null, 2)}\n`);
  writeFileSync(join(dir, 'results.jsonl'), drill.results.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return dir;
}

/** Stores a finished run in a real store (a SQLite file, or a Postgres URL). */
export async function storeDrill(db: string, drill: { run: RunRecord; results: CaseResult[] }): Promise<void> {
  const store = await openStore(db);
  try {
    await store.createRun(
      drill.run,
      drill.results.map((r) => r.case),
      snapshotContext([]),
    );
    await store.putResults(drill.results);
  } finally {
    await store.close();
  }
}
