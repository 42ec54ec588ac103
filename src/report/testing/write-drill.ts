import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseResult, RunRecord } from '../../spec/index.js';
import { openStore } from '../../store/index.js';

/** Writes a run directory exactly as `run --out` does: run.json and results.jsonl. */
export function writeDrillDir(dir: string, drill: { run: RunRecord; results: CaseResult[] }): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'run.json'), `${JSON.stringify(drill.run, null, 2)}\n`);
  writeFileSync(join(dir, 'results.jsonl'), drill.results.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return dir;
}

/** Stores a finished run in a real SQLite store file. */
export function storeDrill(db: string, drill: { run: RunRecord; results: CaseResult[] }): void {
  const store = openStore(db);
  try {
    store.createRun(
      drill.run,
      drill.results.map((r) => r.case),
    );
    for (const r of drill.results) store.putResult(r);
  } finally {
    store.close();
  }
}
