import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseResult, RunRecord } from '../spec/index.js';

/** Where a run's directory goes: `--out` when given now, else where the run was started with, else the default. */
export function runDirOf(run: RunRecord, out?: string): string {
  return out ?? run.options.out ?? join('.refusal-drill', 'runs', run.id);
}

/** Writes the run directory: run.json, results.jsonl, and whatever rendered files are given. */
export function writeRunDir(dir: string, run: RunRecord, results: CaseResult[], files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'run.json'), `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync(join(dir, 'results.jsonl'), results.map((r) => JSON.stringify(r)).join('\n') + (results.length ? '\n' : ''));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
}
