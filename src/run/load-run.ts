import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { caseResultSchema, InputError, runRecordSchema, type CaseResult, type RunRecord } from '../spec/index.js';
import { DEFAULT_DB, isPostgresUrl, maskUrl, openStore } from '../store/index.js';
import { findRun } from './find-run.js';

export interface LoadedRun {
  run: RunRecord;
  results: CaseResult[];
}

/**
 * A run from a run directory (run.json + results.jsonl, as `run --out` writes) or from the store
 * `db` names (a SQLite file or a team's Postgres) by id, unique prefix or `latest`: reports, gates
 * and comparisons read any run from any machine. Every record is validated; errors name the file,
 * line and field.
 */
export async function loadRun(ref: string, options: { db?: string } = {}): Promise<LoadedRun> {
  if (existsSync(ref) && statSync(ref).isDirectory()) return loadRunDir(ref);
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
    return { run, results: await store.results(run.id) };
  } finally {
    await store.close();
  }
}

function loadRunDir(dir: string): LoadedRun {
  const runFile = join(dir, 'run.json');
  const resultsFile = join(dir, 'results.jsonl');
  for (const f of [runFile, resultsFile])
    if (!existsSync(f))
      throw new InputError(
        `${dir} is not a run directory: ${f} is missing (expected run.json and results.jsonl, as written by \`refusal-drill run --out\`)`,
      );
  const run = parse(runRecordSchema, readFileSync(runFile, 'utf8'), runFile, undefined);
  const results: CaseResult[] = [];
  readFileSync(resultsFile, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim()) results.push(parse(caseResultSchema, line, resultsFile, i + 1));
    });
  return { run, results };
}

function parse<T>(schema: z.ZodType<T>, text: string, file: string, line: number | undefined): T {
  const where = line === undefined ? file : `${file}:${line}`;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${where}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || '(top level)';
    throw new InputError(
      `${where}: ${field}: ${issue?.message ?? 'invalid'}${parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : ''}`,
    );
  }
  return parsed.data;
}
