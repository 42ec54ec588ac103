import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { StoreError, UsageError, type CaseResult, type RunRecord } from '../spec/index.js';

/** Where a run's directory goes: `--out` when given now, else where the run was started with, else the default. */
export function runDirOf(run: RunRecord, out?: string): string {
  return out ?? run.options.out ?? join('.refusal-drill', 'runs', run.id);
}

/** Where new runs' directories go when no `--out` is given. */
export const DEFAULT_RUNS_DIR = join('.refusal-drill', 'runs');

/**
 * Fails before the first request to a target when the run directory could not be written — a
 * file in its place, a read-only filesystem — rather than after every answer is paid for. A
 * probe file is written and removed in the directory, or in its nearest existing parent; nothing
 * is created. (A disk that fills later is caught when the files are written.)
 */
export function checkRunDir(dir: string): void {
  const wanted = resolve(dir);
  let at = wanted;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  const fail = (why: string): never => {
    throw new UsageError(`--out ${dir} cannot be written: ${why}; pass --out <a writable directory>`);
  };
  if (!statSync(at).isDirectory()) fail(`${at} is a file, not a directory`);
  const probe = join(at, `.refusal-drill-probe-${process.pid}`);
  try {
    closeSync(openSync(probe, 'w'));
    unlinkSync(probe);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
}

/**
 * Writes the run directory: run.json, results.jsonl, and whatever rendered files are given. Each
 * file goes to a temporary name first and is renamed when whole, so a full disk leaves an error
 * and the earlier file, never a truncated one.
 */
export function writeRunDir(dir: string, run: RunRecord, results: CaseResult[], files: Record<string, string>): void {
  const all: Record<string, string> = {
    'run.json': `${JSON.stringify(run, null, 2)}\n`,
    'results.jsonl': results.map((r) => JSON.stringify(r)).join('\n') + (results.length ? '\n' : ''),
    ...files,
  };
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw runDirError(dir, run, e);
  }
  for (const [name, content] of Object.entries(all)) {
    const file = join(dir, name);
    const partial = `${file}.partial`;
    try {
      writeFileSync(partial, content);
      renameSync(partial, file);
    } catch (e) {
      rmSync(partial, { force: true });
      throw runDirError(file, run, e);
    }
  }
}

function runDirError(path: string, run: RunRecord, e: unknown): StoreError {
  const msg = e instanceof Error ? e.message : String(e);
  return new StoreError(
    `cannot write ${path} (${msg}); run ${run.id} is stored whole: write its directory again with refusal-drill run --resume ${run.id} --out <dir>`,
    { cause: e },
  );
}
