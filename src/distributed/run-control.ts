import type { Kysely } from 'kysely';
import type { DistTables } from './dist-tables.js';

export type QueuedRunState = 'queued' | 'cancelled';

export interface QueuedRun {
  runId: string;
  state: QueuedRunState;
  rpm: number | undefined;
  jobTimeoutS: number;
}

/** The shared switches of a queued run: any machine may cancel or resume it by flipping `state`. */
export function createRunControl(db: Kysely<DistTables>) {
  return {
    async register(o: { runId: string; rpm?: number; jobTimeoutS: number }): Promise<void> {
      const row = { state: 'queued', rpm: o.rpm ?? null, job_timeout_s: o.jobTimeoutS, updated_at: new Date().toISOString() };
      await db
        .insertInto('queued_runs')
        .values({ run_id: o.runId, ...row })
        .onConflict((oc) => oc.column('run_id').doUpdateSet(row))
        .execute();
    },
    async get(runId: string): Promise<QueuedRun | undefined> {
      const row = await db.selectFrom('queued_runs').selectAll().where('run_id', '=', runId).executeTakeFirst();
      if (!row) return undefined;
      return {
        runId: row.run_id,
        state: row.state === 'cancelled' ? 'cancelled' : 'queued',
        rpm: row.rpm === null ? undefined : Number(row.rpm),
        jobTimeoutS: Number(row.job_timeout_s),
      };
    },
    /** Only the switch, read before every case. */
    async state(runId: string): Promise<QueuedRunState | undefined> {
      const row = await db.selectFrom('queued_runs').select('state').where('run_id', '=', runId).executeTakeFirst();
      return row ? (row.state === 'cancelled' ? 'cancelled' : 'queued') : undefined;
    },
    async setState(runId: string, state: QueuedRunState): Promise<boolean> {
      const r = await db
        .updateTable('queued_runs')
        .set({ state, updated_at: new Date().toISOString() })
        .where('run_id', '=', runId)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}

export type RunControl = ReturnType<typeof createRunControl>;
