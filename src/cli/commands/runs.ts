import { runFacts, type RunFacts } from '../../report/index.js';
import { EXIT } from '../../spec/index.js';
import { DEFAULT_DB, openStore, resolveDbRef } from '../../store/index.js';
import type { RegisterCommand } from '../command-module.js';
import { DB_HELP } from '../parse-options.js';

const COLUMNS: Array<[keyof RunFacts, string]> = [
  ['id', 'run'],
  ['status', 'status'],
  ['label', 'label'],
  ['target', 'target'],
  ['packs', 'packs'],
  ['hold', 'hold'],
  ['overRefusal', 'over-refusal'],
  ['gate', 'gate'],
  ['answers', 'answers'],
  ['settings', 'settings'],
];

export const registerRuns: RegisterCommand = (program, ctx, done) => {
  program
    .command('runs')
    .description(
      'List stored runs, newest first: target, packs, headline figures, gate, answers asked and reused, the options that change results',
    )
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .option('--json', 'machine-readable output: each run record (options, label, outcome with gate) and `done`, its results so far')
    .action(async (o: { db: string; json?: boolean }) => {
      const store = await openStore(resolveDbRef({ flag: o.db, env: ctx.env }), { poolSize: 2 });
      try {
        const runs = await store.listRuns();
        if (o.json) {
          const rows = [];
          for (const run of runs) rows.push({ ...run, done: await store.countResults(run.id) });
          ctx.out(JSON.stringify(rows, null, 2));
        } else if (runs.length === 0) ctx.out(`no runs in ${store.path}`);
        else ctx.out(table(runs.map(runFacts)));
      } finally {
        await store.close();
      }
      done(EXIT.ok);
    });
};

/** One line per run under a header; the last column (settings) is left ragged. */
function table(rows: RunFacts[]): string {
  const widths = COLUMNS.map(([key, head]) => Math.max(head.length, ...rows.map((r) => r[key].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS.map(([, head]) => head)), ...rows.map((r) => line(COLUMNS.map(([key]) => r[key])))].join('\n');
}
