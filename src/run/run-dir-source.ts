import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { z } from 'zod';
import { caseResultSchema, InputError, runRecordSchema, type CaseResult, type RunRecord } from '../spec/index.js';
import { RESULT_PAGE, type Store } from '../store/index.js';

/** What reading a run needs of where it lives: a store, or a run directory seen the same way. */
export type RunSource = Pick<Store, 'getRun' | 'resultPages' | 'path'>;

/**
 * A run directory (run.json + results.jsonl, as `run --out` writes it) as a `RunSource`: run.json
 * is read and validated now, results.jsonl a line at a time as pages are asked for, every line
 * validated and an error naming the file, line and field.
 */
export function runDirSource(dir: string): RunSource & { run: RunRecord } {
  const runFile = join(dir, 'run.json');
  const resultsFile = join(dir, 'results.jsonl');
  for (const f of [runFile, resultsFile])
    if (!existsSync(f))
      throw new InputError(
        `${dir} is not a run directory: ${f} is missing (expected run.json and results.jsonl, as written by \`refusal-drill run --out\`)`,
      );
  const run = parseRecord(runRecordSchema, readFileSync(runFile, 'utf8'), runFile);
  return {
    run,
    path: dir,
    // The directory holds one run: any reference to it (its id, as summarizeRun asks) is that run.
    getRun: async () => run,
    resultPages: (_runId, o = {}) => resultLines(resultsFile, o.pageSize ?? RESULT_PAGE),
  };
}

async function* resultLines(file: string, pageSize: number): AsyncGenerator<CaseResult[]> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let page: CaseResult[] = [];
  let n = 0;
  try {
    for await (const line of lines) {
      n += 1;
      if (!line.trim()) continue;
      page.push(parseRecord(caseResultSchema, line, `${file}:${n}`));
      if (page.length >= pageSize) {
        yield page;
        page = [];
      }
    }
  } finally {
    lines.close();
  }
  if (page.length) yield page;
}

/** One JSON record validated by `schema`; `where` (file, or file:line) starts the error. */
export function parseRecord<T>(schema: z.ZodType<T>, text: string, where: string): T {
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
