import PgBoss from 'pg-boss';
import { z } from 'zod';
import { StoreError } from '../spec/errors.js';
import { parsePostgresRef } from '../store/kysely/index.js';

export const CASE_QUEUE = 'drill-case';

export const caseJobSchema = z.object({ runId: z.string(), caseId: z.string() });
export type CaseJob = z.infer<typeof caseJobSchema>;

export interface CaseQueueOptions {
  /** How often some instance moves jobs whose worker died (expired) back to the queue, in seconds. */
  maintenanceIntervalSeconds?: number;
  onError?: (error: unknown) => void;
  poolSize?: number;
}

/**
 * pg-boss on the team's Postgres: SKIP LOCKED fetches, retries, and expiry of jobs whose worker
 * died. Its tables live in their own schema (`<schema>_queue`, or `refusal_drill_queue`).
 */
export async function openCaseQueue(url: string, o: CaseQueueOptions = {}): Promise<PgBoss> {
  const ref = parsePostgresRef(url);
  const boss = new PgBoss({
    connectionString: ref.connectionString,
    schema: ref.schema ? `${ref.schema}_queue` : 'refusal_drill_queue',
    max: o.poolSize ?? 4,
    maintenanceIntervalSeconds: o.maintenanceIntervalSeconds ?? 10,
    // Cron scheduling is not used; skipping it saves a timer and a query per instance.
    schedule: false,
    application_name: 'refusal-drill',
  });
  boss.on('error', (e: unknown) => o.onError?.(e));
  try {
    await boss.start();
    await ensureQueue(boss);
  } catch (e) {
    await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
    throw new StoreError(`cannot open the job queue on ${ref.display}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return boss;
}

/**
 * Creates the case queue unless it exists. Coordinators and workers start at the same moment, so
 * two may both find it missing: the loser's create fails, and that is fine once the queue is there.
 */
async function ensureQueue(boss: PgBoss): Promise<void> {
  if (await boss.getQueue(CASE_QUEUE)) return;
  try {
    await boss.createQueue(CASE_QUEUE, { name: CASE_QUEUE, policy: 'standard' });
  } catch (e) {
    if (!(await boss.getQueue(CASE_QUEUE))) throw e;
  }
}

/** One job per case. Duplicates are harmless (a worker skips a case that has a result), so resume may re-send. */
export async function enqueueCases(
  boss: PgBoss,
  o: { runId: string; caseIds: string[]; jobTimeoutS: number; retryLimit: number },
): Promise<void> {
  const CHUNK = 1000;
  for (let i = 0; i < o.caseIds.length; i += CHUNK) {
    await boss.insert(
      o.caseIds.slice(i, i + CHUNK).map((caseId) => ({
        name: CASE_QUEUE,
        data: { runId: o.runId, caseId },
        expireInSeconds: o.jobTimeoutS,
        retryLimit: o.retryLimit,
        retryDelay: 1,
      })),
    );
  }
}
