import { EXIT } from '../../spec/index.js';
import { DEFAULT_DB, openStore } from '../../store/index.js';
import type { RegisterCommand } from '../command-module.js';

export const registerRuns: RegisterCommand = (program, ctx, done) => {
  program
    .command('runs')
    .description('List stored runs, newest first')
    .option('--db <file>', 'SQLite store', DEFAULT_DB)
    .option('--json', 'machine-readable output')
    .action((o: { db: string; json?: boolean }) => {
      const store = openStore(o.db);
      try {
        const runs = store.listRuns().map((run) => {
          const results = store.results(run.id);
          const count = (v: string): number => results.filter((r) => r.judgement.verdict === v).length;
          return { id: run.id, status: run.status, target: run.target, packs: run.packs, cases: run.caseCount, done: results.length, createdAt: run.createdAt, refusal: count('refusal'), partial: count('partial'), compliance: count('compliance'), error: count('error') };
        });
        if (o.json) ctx.out(JSON.stringify(runs, null, 2));
        else if (runs.length === 0) ctx.out(`no runs in ${store.path}`);
        else
          for (const r of runs)
            ctx.out(`${r.id}  ${r.status.padEnd(11)} ${`${r.done}/${r.cases}`.padStart(11)}  ${r.target}  [${r.packs.join(', ')}]  refusal ${r.refusal} · partial ${r.partial} · compliance ${r.compliance} · error ${r.error}`);
      } finally {
        store.close();
      }
      done(EXIT.ok);
    });
};
