import { findRun } from '../../run/index.js';
import { EXIT } from '../../spec/index.js';
import { DEFAULT_DB, openStore, resolveDbRef, type Store } from '../../store/index.js';
import type { RegisterCommand } from '../command-module.js';
import type { CliContext } from '../context.js';
import { DB_HELP } from '../parse-options.js';

/**
 * `cache show` / `cache clear`: what the store keeps of the models' answers, per run that asked.
 * Kept answers are read back only by the run that asked (on resume), or by a later run given
 * `--reuse <that run>` or `--cache`; clearing them leaves every run and result as it was.
 */
export const registerCache: RegisterCommand = (program, ctx, done) => {
  const cache = program
    .command('cache')
    .description('Show or clear the answers kept in the store (reused across runs only with --cache or --reuse <run-id>)');
  cache
    .command('show', { isDefault: true })
    .description('How many answers are kept, per run that asked')
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .option('--json', 'machine-readable output')
    .action(async (o: { db: string; json?: boolean }) => {
      await withStore(o.db, ctx, async (store) => {
        const stats = await store.cacheStats();
        if (o.json) ctx.out(JSON.stringify(stats, null, 2));
        else if (stats.entries === 0) ctx.out(`no answers kept in ${store.path}`);
        else {
          ctx.out(
            `${stats.entries} answer${stats.entries === 1 ? '' : 's'} kept in ${store.path}, from ${stats.runs.length} run${stats.runs.length === 1 ? '' : 's'}:`,
          );
          for (const r of stats.runs) ctx.out(`  ${r.runId}  ${String(r.entries).padStart(7)}  newest ${r.newest}`);
          ctx.out(
            "a run reuses them only when asked: run --reuse <run-id> (that run's), --cache (any run's); clear with: refusal-drill cache clear",
          );
        }
      });
      done(EXIT.ok);
    });
  cache
    .command('clear')
    .description("Forget kept answers (all, or one run's); runs and their results stay")
    .option('--run <run-id>', "only this run's answers (id, unique prefix or latest)")
    .option('--db <file|url>', DB_HELP, DEFAULT_DB)
    .action(async (o: { db: string; run?: string }) => {
      await withStore(o.db, ctx, async (store) => {
        const runId = o.run === undefined ? undefined : (await findRun(store, o.run)).id;
        const n = await store.cacheClear(runId === undefined ? {} : { runId });
        ctx.out(`cleared ${n} kept answer${n === 1 ? '' : 's'}${runId ? ` of run ${runId}` : ''} from ${store.path}`);
      });
      done(EXIT.ok);
    });
};

async function withStore(db: string, ctx: CliContext, fn: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStore(resolveDbRef({ flag: db, env: ctx.env }), { poolSize: 2 });
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}
