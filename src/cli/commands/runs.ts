import { EXIT, type RunRecord, type Verdict } from '../../spec/index.js';
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
    for (const run of await store.listRuns()) {
      // counted a page at a time: listing runs never holds a large run's results
      const counts = { results: 0, refusal: 0, partial: 0, compliance: 0, error: 0, not_understood: 0 };
      for await (const page of store.resultPages(run.id))
        for (const r of page) {
          counts.results += 1;
          counts[r.judgement.verdict] += 1;
        }
      runs.push(row(run, counts));
    }
    return { path: store.path, runs };
  } finally {
    await store.close();
  }
}

function row(run: RunRecord, counts: Record<Verdict | 'results', number>): RunRow {
  const count = (v: Verdict): number => counts[v];
  return {
    id: run.id,
    status: run.status,
    target: run.target,
    packs: run.packs,
    cases: run.caseCount,
    done: counts.results,
    createdAt: run.createdAt,
    refusal: count('refusal'),
    partial: count('partial'),
    compliance: count('compliance'),
    error: count('error'),
  };
}
