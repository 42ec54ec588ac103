import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRun } from '../../test/helpers/fixtures.js';
import { freshPgUrl, NO_PG_REASON, TEST_PG } from '../../test/helpers/pg-test.js';
import { migrateNamespace, openPostgres, type OpenedPostgres } from '../store/index.js';
import { distMigrations } from './dist-migrations.js';
import { openTeamStore, type TeamStore } from './team-store.js';

const opened: Array<OpenedPostgres | TeamStore> = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

describe.skipIf(!TEST_PG)(`distributed migrations${TEST_PG ? '' : ` (skipped: ${NO_PG_REASON})`}`, () => {
  it("a team store queued before contexts were the run's own keeps each queued run's context", async () => {
    const url = freshPgUrl(TEST_PG ?? '', 'mig');
    // The store as an older version left it: queued_runs held the judge's context.
    const old = await openPostgres(url, { poolSize: 2 });
    opened.push(old);
    const first = Object.fromEntries(Object.entries(distMigrations).slice(0, 1));
    await migrateNamespace(old.db, 'distributed', first, { schema: old.schema });
    const run = makeRun({ id: 'queued-before' });
    const context = { principles: { 'p/pr': { id: 'pr', statement: 'No harm.' } }, leaks: { 'p/pr/in': ['step 1'] } };
    await sql`INSERT INTO runs (id, created_at, status, record) VALUES (${run.id}, ${run.createdAt}, 'running', ${JSON.stringify(run)})`.execute(
      old.db,
    );
    await sql`INSERT INTO queued_runs (run_id, state, rpm, job_timeout_s, context, updated_at)
      VALUES (${run.id}, 'queued', NULL, 30, ${JSON.stringify(context)}, 'now')`.execute(old.db);

    const team = await openTeamStore(url, { poolSize: 2 });
    opened.push(team);
    expect(await team.store.runContext(run.id)).toEqual(context);
    expect(await team.control.get(run.id)).toEqual({ runId: run.id, state: 'queued', rpm: undefined, jobTimeoutS: 30 });
  });
});
