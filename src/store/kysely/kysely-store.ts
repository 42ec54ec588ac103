import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import {
  caseResultSchema,
  drillCaseSchema,
  runRecordSchema,
  targetResponseSchema,
  type CaseResult,
  type DrillCase,
  type RunRecord,
  type RunStatus,
} from '../../spec/index.js';
import type { AuditMark } from '../store.js';
import type { AsyncStore, AsyncStoreDialect } from './async-store.js';
import type { CoreTables } from './tables.js';

/** Rows per multi-row INSERT: well under SQLite's and Postgres's bound-parameter limits. */
const CHUNK = 500;

const auditEvidence = z.array(z.unknown());
const parseRun = (record: string): RunRecord => runRecordSchema.parse(JSON.parse(record));
const parseCase = (body: string): DrillCase => drillCaseSchema.parse(JSON.parse(body));
const parseResult = (body: string): CaseResult => caseResultSchema.parse(JSON.parse(body));

export interface KyselyStoreOptions {
  db: Kysely<CoreTables>;
  dialect: AsyncStoreDialect;
  path: string;
  /** Runs after the Kysely instance is destroyed (e.g. ends a pg pool the caller owns). */
  onClose?: () => Promise<void>;
}

/** The AsyncStore written once over Kysely; every query here is portable between SQLite and Postgres. */
export function createKyselyStore(o: KyselyStoreOptions): AsyncStore {
  const { db } = o;
  const resultRow = (r: CaseResult): CoreTables['results'] => ({
    run_id: r.runId,
    case_id: r.caseId,
    verdict: r.judgement.verdict,
    body: JSON.stringify(r),
    finished_at: r.finishedAt,
  });
  return {
    dialect: o.dialect,
    path: o.path,
    async createRun(run, cases) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('runs')
          .values({ id: run.id, created_at: run.createdAt, status: run.status, record: JSON.stringify(run) })
          .execute();
        for (let i = 0; i < cases.length; i += CHUNK) {
          const rows = cases.slice(i, i + CHUNK).map((c, j) => ({ run_id: run.id, case_id: c.id, ord: i + j, body: JSON.stringify(c) }));
          await trx
            .insertInto('cases')
            .values(rows)
            .onConflict((oc) => oc.columns(['run_id', 'case_id']).doNothing())
            .execute();
        }
      });
    },
    async getRun(ref) {
      const base = db.selectFrom('runs').select('record');
      if (ref === 'latest') {
        const row = await base.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
        return row ? parseRun(row.record) : undefined;
      }
      const exact = await base.where('id', '=', ref).executeTakeFirst();
      if (exact) return parseRun(exact.record);
      // substr rather than LIKE so ids holding % or _ match literally.
      const matches = await base
        .where(sql<string>`substr(id, 1, ${ref.length})`, '=', ref)
        .limit(2)
        .execute();
      return matches.length === 1 && matches[0] ? parseRun(matches[0].record) : undefined;
    },
    async listRuns() {
      const rows = await db.selectFrom('runs').select('record').orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map((r) => parseRun(r.record));
    },
    async cases(runId) {
      const rows = await db.selectFrom('cases').select('body').where('run_id', '=', runId).orderBy('ord').execute();
      return rows.map((r) => parseCase(r.body));
    },
    async case(runId, caseId) {
      const row = await db.selectFrom('cases').select('body').where('run_id', '=', runId).where('case_id', '=', caseId).executeTakeFirst();
      return row ? parseCase(row.body) : undefined;
    },
    async pendingCases(runId) {
      const rows = await db
        .selectFrom('cases as c')
        .leftJoin('results as r', (j) => j.onRef('r.run_id', '=', 'c.run_id').onRef('r.case_id', '=', 'c.case_id'))
        .select('c.body')
        .where('c.run_id', '=', runId)
        .where('r.case_id', 'is', null)
        .orderBy('c.ord')
        .execute();
      return rows.map((r) => parseCase(r.body));
    },
    async putResult(result) {
      const row = resultRow(result);
      await db
        .insertInto('results')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['run_id', 'case_id']).doUpdateSet({ verdict: row.verdict, body: row.body, finished_at: row.finished_at }),
        )
        .execute();
    },
    async putResultOnce(result) {
      const inserted = await db
        .insertInto('results')
        .values(resultRow(result))
        .onConflict((oc) => oc.columns(['run_id', 'case_id']).doNothing())
        .returning('case_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async hasResult(runId, caseId) {
      const row = await db
        .selectFrom('results')
        .select('case_id')
        .where('run_id', '=', runId)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      return row !== undefined;
    },
    async countResults(runId) {
      const row = await db
        .selectFrom('results')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('run_id', '=', runId)
        .executeTakeFirstOrThrow();
      // Postgres returns count(*) as a bigint string.
      return Number(row.n);
    },
    async results(runId) {
      const rows = await db
        .selectFrom('results as r')
        .innerJoin('cases as c', (j) => j.onRef('c.run_id', '=', 'r.run_id').onRef('c.case_id', '=', 'r.case_id'))
        .select('r.body')
        .where('r.run_id', '=', runId)
        .orderBy('c.ord')
        .execute();
      return rows.map((r) => parseResult(r.body));
    },
    async finishRun(runId: string, status: RunStatus) {
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('runs').select('record').where('id', '=', runId).executeTakeFirst();
        if (!row) return;
        const run = parseRun(row.record);
        const finishedAt = status === 'running' ? null : new Date().toISOString();
        await trx
          .updateTable('runs')
          .set({ status, record: JSON.stringify({ ...run, status, finishedAt }) })
          .where('id', '=', runId)
          .execute();
      });
    },
    async cacheGet(key) {
      const row = await db.selectFrom('response_cache').select('body').where('key', '=', key).executeTakeFirst();
      return row ? targetResponseSchema.parse(JSON.parse(row.body)) : undefined;
    },
    async cachePut(key, response) {
      const body = JSON.stringify(response);
      await db
        .insertInto('response_cache')
        .values({ key, body, created_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ body }))
        .execute();
    },
    async putAuditMarks(marks: AuditMark[]) {
      if (marks.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const m of marks) {
          const row = {
            prompt_hash: m.promptHash,
            prompt: m.prompt,
            status: m.status,
            score: m.score,
            evidence: JSON.stringify(m.evidence),
            audited_at: m.auditedAt,
          };
          await trx
            .insertInto('audit_marks')
            .values(row)
            .onConflict((oc) =>
              oc.column('prompt_hash').doUpdateSet({
                prompt: row.prompt,
                status: row.status,
                score: row.score,
                evidence: row.evidence,
                audited_at: row.audited_at,
              }),
            )
            .execute();
        }
      });
    },
    async auditMarks() {
      const out = new Map<string, AuditMark>();
      for (const r of await db.selectFrom('audit_marks').selectAll().execute()) {
        out.set(r.prompt_hash, {
          promptHash: r.prompt_hash,
          prompt: r.prompt,
          status: r.status === 'contaminated' ? 'contaminated' : 'clean',
          score: Number(r.score),
          evidence: auditEvidence.parse(JSON.parse(r.evidence)),
          auditedAt: r.audited_at,
        });
      }
      return out;
    },
    async close() {
      await db.destroy();
      await o.onClose?.();
    },
  };
}
