import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunRecord } from '../spec/index.js';

/** Where a run's directory goes: `--out` when given now, else where the run was started with, else the default. */
export function runDirOf(run: RunRecord, out?: string): string {
  return out ?? run.options.out ?? join('.refusal-drill', 'runs', run.id);
}

/** The results file of a run directory, written as results stream from the store (`summarizeRun`'s `resultsFile`). */
export function resultsFileOf(dir: string): string {
  return join(dir, 'results.jsonl');
}

/** Writes the run directory's run.json and whatever rendered files are given; results.jsonl is streamed apart. */
export function writeRunDir(dir: string, run: RunRecord, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'run.json'), `${JSON.stringify(run, null, 2)}\n`);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
}
