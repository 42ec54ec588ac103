import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { StoreError, UsageError, type RunRecord } from '../spec/index.js';

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

/** The results file of a run directory, written as results stream from the store (`summarizeRun`'s `resultsFile`). */
export function resultsFileOf(dir: string): string {
  return join(dir, 'results.jsonl');
}

/**
 * Writes the run directory's run.json and whatever rendered files are given (results.jsonl is
 * streamed apart: `streamRunFile`). Each file goes to a temporary name first and is renamed when
 * whole, so a full disk leaves an error and the earlier file, never a truncated one.
 */
export function writeRunDir(dir: string, run: RunRecord, files: Record<string, string>): void {
  const all: Record<string, string> = { 'run.json': `${JSON.stringify(run, null, 2)}\n`, ...files };
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

/** A run-directory file written a piece at a time, as atomically as `writeRunDir`'s: renamed into place by `close`. */
export interface StreamedRunFile {
  write(text: string): void;
  close(): void;
  /** Removes the partial file (the run failed before it was whole); the earlier file stays. */
  abort(): void;
}

export function streamRunFile(file: string, run: RunRecord): StreamedRunFile {
  const partial = `${file}.partial`;
  let fd: number;
  try {
    mkdirSync(dirname(file), { recursive: true });
    fd = openSync(partial, 'w');
  } catch (e) {
    throw runDirError(file, run, e);
  }
  let open = true;
  const abort = (): void => {
    if (open) closeSync(fd);
    open = false;
    rmSync(partial, { force: true });
  };
  const guard = (f: () => void): void => {
    try {
      f();
    } catch (e) {
      abort();
      throw runDirError(file, run, e);
    }
  };
  return {
    write: (text) => guard(() => writeFileSync(fd, text)),
    close: () =>
      guard(() => {
        closeSync(fd);
        open = false;
        renameSync(partial, file);
      }),
    abort,
  };
}

function runDirError(path: string, run: RunRecord, e: unknown): StoreError {
  const msg = e instanceof Error ? e.message : String(e);
  return new StoreError(
    `cannot write ${path} (${msg}); run ${run.id} is stored whole: write its directory again with refusal-drill run --resume ${run.id} --out <dir>`,
    { cause: e },
  );
}
