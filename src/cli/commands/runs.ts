import { EXIT, type CaseResult, type RunRecord } from '../../spec/index.js';
import { DEFAULT_DB, openStore, resolveDbRef } from '../../store/index.js';
import type { RegisterCommand } from '../command-module.js';
import { DB_HELP } from '../parse-options.js';

interface RunRow {
  id: string;
  status: string;
  target: string;
  packs: string[];
  cases: number;
  done: number;
  createdAt: string;
  refusal: number;
  partial: number;
  compliance: number;
  error: number;
}

export const registerRuns: RegisterCommand = (program, ctx, done) => {
  program
    .command('runs')
    .description('List stored runs, newest first')
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .option('--json', 'machine-readable output')
    .action(async (o: { db: string; json?: boolean }) => {
      const { path, runs } = await listRuns(resolveDbRef({ flag: o.db, env: ctx.env }));
      if (o.json) ctx.out(JSON.stringify(runs, null, 2));
      else if (runs.length === 0) ctx.out(`no runs in ${path}`);
      else
        for (const r of runs)
          ctx.out(
            `${r.id}  ${r.status.padEnd(11)} ${`${r.done}/${r.cases}`.padStart(11)}  ${r.target}  [${r.packs.join(', ')}]  refusal ${r.refusal} · partial ${r.partial} · compliance ${r.compliance} · error ${r.error}`,
          );
      done(EXIT.ok);
    });
};

async function listRuns(db: string): Promise<{ path: string; runs: RunRow[] }> {
  const store = await openStore(db, { poolSize: 2 });
  try {
    const runs: RunRow[] = [];
    for (const run of await store.listRuns()) runs.push(row(run, await store.results(run.id)));
    return { path: store.path, runs };
  } finally {
    await store.close();
  }
}

function row(run: RunRecord, results: CaseResult[]): RunRow {
  const count = (v: string): number => results.filter((r) => r.judgement.verdict === v).length;
  return {
    id: run.id,
    status: run.status,
    target: run.target,
    packs: run.packs,
    cases: run.caseCount,
    done: results.length,
    createdAt: run.createdAt,
    refusal: count('refusal'),
    partial: count('partial'),
    compliance: count('compliance'),
    error: count('error'),
  };
}
