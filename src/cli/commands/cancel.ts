import { EXIT } from '../../spec/index.js';
import { DEFAULT_DB, resolveDbRef } from '../../store/index.js';
import type { RegisterCommand } from '../command-module.js';

export const registerCancel: RegisterCommand = (program, ctx, done) => {
  program
    .command('cancel')
    .description(
      'Cancel a queued run from any machine: workers skip its remaining cases; stored results stay and `run --resume <id> --queue` goes on later',
    )
    .argument('<run-id>', 'run id, unique prefix, or latest')
    .option('--db <url>', 'the team store: postgres://user:pass@host/db (else REFUSAL_DRILL_DB)', DEFAULT_DB)
    .action(async (ref: string, o: { db: string }) => {
      const { cancelQueuedRun, openTeamStore } = await import('../../distributed/index.js');
      const team = await openTeamStore(resolveDbRef({ flag: o.db, env: ctx.env }));
      try {
        const { run, done: stored } = await cancelQueuedRun(team, ref);
        ctx.out(
          `run ${run.id} cancelled: ${stored} of ${run.caseCount} cases stored. Resume it with: refusal-drill run --resume ${run.id} --queue`,
        );
      } finally {
        await team.close();
      }
      done(EXIT.ok);
    });
};
