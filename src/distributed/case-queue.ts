import pg from 'pg';
import PgBoss from 'pg-boss';
import { z } from 'zod';
import { StoreError } from '../spec/index.js';
import { parsePostgresRef } from '../store/index.js';

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
  const schema = ref.schema ? `${ref.schema}_queue` : 'refusal_drill_queue';
  try {
    // pg-boss installs and migrates its schema on start; coordinators and workers started at once on
    // a fresh database raced each other's DDL into "deadlock detected". One start at a time per schema.
    return await withStartLock(ref.connectionString, schema, async () => {
      for (let attempt = 1; ; attempt++) {
        const boss = new PgBoss({
          connectionString: ref.connectionString,
          schema,
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
          return boss;
        } catch (e) {
          await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
          // A deadlock or serialization failure with an instance that is not starting (its maintenance) is worth another go.
          if (attempt >= START_ATTEMPTS || !isTransient(e)) throw e;
          await new Promise((r) => setTimeout(r, 200 * attempt));
        }
      }
    });
  } catch (e) {
    throw new StoreError(`cannot open the job queue on ${ref.display}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

const START_ATTEMPTS = 4;

function isTransient(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  return code === '40P01' || code === '40001' || (e instanceof Error && /deadlock detected|could not serialize/.test(e.message));
}

/** Runs `fn` holding a session advisory lock keyed by the queue schema, on a connection of its own. */
async function withStartLock<T>(connectionString: string, schema: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, application_name: 'refusal-drill' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`refusal-drill:${schema}:start`]);
    return await fn();
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`refusal-drill:${schema}:start`]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
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
