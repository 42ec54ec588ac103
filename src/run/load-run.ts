import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, type CaseResult, type RunRecord } from '../spec/index.js';
import { DEFAULT_DB, isPostgresUrl, maskUrl, openStore } from '../store/index.js';
import { findRun } from './find-run.js';
import { runDirSource, type RunSource } from './run-dir-source.js';

/** A run found and open for reading: its record, and its results a page at a time from `source`. */
export interface OpenedRun {
  run: RunRecord;
  source: RunSource;
  /** Closes the store it was read from (nothing to close for a run directory). */
  close(): Promise<void>;
}

/**
 * A run from a run directory (run.json + results.jsonl, as `run --out` writes) or from the store
 * `db` names (a SQLite file or a team's Postgres) by id, unique prefix or `latest`: reports, gates
 * and comparisons read any run from any machine, a page at a time (`summarizeRun(opened.source, …)`).
 * Every record is validated; errors name the file, line and field.
 */
export async function openRun(ref: string, options: { db?: string } = {}): Promise<OpenedRun> {
  if (existsSync(ref) && statSync(ref).isDirectory()) {
    const source = runDirSource(ref);
    return { run: source.run, source, close: async () => {} };
  }
  const db = options.db ?? DEFAULT_DB;
  if (!isPostgresUrl(db) && !existsSync(db))
    throw new InputError(`no run directory "${ref}" and no store at ${resolve(db)} (pass a run directory, or --db <file>)`);
  const store = await openStore(db);
  try {
    const run = await findRun(store, ref).catch((e: unknown) => {
      if (e instanceof InputError)
        throw new InputError(
          `no run "${ref}" in ${store.path} and no such directory (list runs with: refusal-drill runs --db ${maskUrl(db)})`,
        );
      throw e;
    });
    return { run, source: store, close: () => store.close() };
  } catch (e) {
    await store.close();
    throw e;
  }
}

/** `fn` over an opened run, closed after whatever it does. */
export async function withRun<T>(ref: string, options: { db?: string }, fn: (opened: OpenedRun) => Promise<T>): Promise<T> {
  const opened = await openRun(ref, options);
  try {
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

export interface LoadedRun {
  run: RunRecord;
  results: CaseResult[];
}

/** The run with every result in one array: only for a caller that needs them all at once (export). Reports stream (`withRun`). */
export async function loadRun(ref: string, options: { db?: string } = {}): Promise<LoadedRun> {
  return withRun(ref, options, async ({ run, source }) => {
    const results: CaseResult[] = [];
    for await (const page of source.resultPages(run.id)) results.push(...page);
    return { run, results };
  });
}
