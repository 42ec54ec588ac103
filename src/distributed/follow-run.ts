import type PgBoss from 'pg-boss';
import { abortableSleep } from '../targets/index.js';
import type { TeamStore } from './team-store.js';

export type FollowOutcome = 'done' | 'cancelled' | 'interrupted';

export interface FollowOptions {
  runId: string;
  total: number;
  pollMs?: number;
  signal?: AbortSignal;
  /** When given, each poll also expires jobs whose worker died, so they are retried promptly. */
  boss?: PgBoss;
  onProgress?: (done: number, total: number) => void;
}

/** Waits until every case of the run has a result, the run is cancelled (anywhere), or the signal aborts. */
export async function followRun(team: TeamStore, o: FollowOptions): Promise<{ outcome: FollowOutcome; done: number }> {
  let last = -1;
  for (;;) {
    const done = await team.store.countResults(o.runId);
    if (done !== last) o.onProgress?.(done, o.total);
    last = done;
    if (done >= o.total) {
      await team.store.setRunStatus(o.runId, 'done');
      return { outcome: 'done', done };
    }
    if ((await team.control.get(o.runId))?.state === 'cancelled') return { outcome: 'cancelled', done };
    if (o.signal?.aborted) return { outcome: 'interrupted', done };
    await o.boss?.expire();
    try {
      await abortableSleep(o.pollMs ?? 500, o.signal);
    } catch {
      return { outcome: 'interrupted', done: await team.store.countResults(o.runId) };
    }
  }
}
