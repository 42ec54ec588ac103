import { sql, type Kysely } from 'kysely';
import * as codec from '../rows.js';
import { RESULT_PAGE, type Store } from '../store.js';
import { pgCountResults, pgQueryResults } from './pg-result-query.js';
import type { CoreTables } from './tables.js';

/** Rows per multi-row INSERT: well under Postgres's 65,535 bound parameters. */
const CHUNK = 500;

export interface PgStoreOptions {
  db: Kysely<CoreTables>;
  /** The URL with its password masked. */
  path: string;
  /** Runs after the Kysely instance is destroyed. */
  onClose?: () => Promise<void>;
}

/** The Store on a team's Postgres through Kysely; several machines write it at once. */
export function pgStore(o: PgStoreOptions): Store {
  const { db } = o;
  return {
    kind: 'postgres',
    path: o.path,
    async createRun(run, cases, context) {
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
        await trx
          .insertInto('run_contexts')
          .values({ run_id: run.id, body: JSON.stringify(context) })
          .execute();
      });
    },
    async getRun(ref) {
      const base = db.selectFrom('runs').select('record');
      if (ref === 'latest') {
        const row = await base.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
        return row ? codec.parseRun(row.record) : undefined;
      }
      const exact = await base.where('id', '=', ref).executeTakeFirst();
      if (exact) return codec.parseRun(exact.record);
      // substr rather than LIKE so ids holding % or _ match literally.
      const matches = await base
        .where(sql<string>`substr(id, 1, ${ref.length})`, '=', ref)
        .limit(2)
        .execute();
      return matches.length === 1 && matches[0] ? codec.parseRun(matches[0].record) : undefined;
    },
    async listRuns() {
      const rows = await db.selectFrom('runs').select('record').orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map((r) => codec.parseRun(r.record));
    },
    async setRunStatus(runId, status) {
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('runs').select('record').where('id', '=', runId).forUpdate().executeTakeFirst();
        if (!row) return;
        await trx
          .updateTable('runs')
          .set({ status, record: JSON.stringify(codec.withStatus(codec.parseRun(row.record), status)) })
          .where('id', '=', runId)
          .execute();
      });
    },
    async finishRun(runId, o) {
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('runs').select('record').where('id', '=', runId).forUpdate().executeTakeFirst();
        if (!row) return;
        await trx
          .updateTable('runs')
          .set({ status: o.status, record: JSON.stringify(codec.withOutcome(codec.parseRun(row.record), o)) })
          .where('id', '=', runId)
          .execute();
      });
    },
    async runIdsByPrefix(prefix, limit) {
      const rows = await db
        .selectFrom('runs')
        .select('id')
        .where(sql<string>`substr(id, 1, ${prefix.length})`, '=', prefix)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
    async runContext(runId) {
      const row = await db.selectFrom('run_contexts').select('body').where('run_id', '=', runId).executeTakeFirst();
      return row ? codec.parseContext(row.body) : undefined;
    },
    async cases(runId) {
      const rows = await db.selectFrom('cases').select('body').where('run_id', '=', runId).orderBy('ord').execute();
      return rows.map((r) => codec.parseCase(r.body));
    },
    async case(runId, caseId) {
      const row = await db.selectFrom('cases').select('body').where('run_id', '=', runId).where('case_id', '=', caseId).executeTakeFirst();
      return row ? codec.parseCase(row.body) : undefined;
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
      return rows.map((r) => codec.parseCase(r.body));
    },
    async *pendingCasePages(runId, o = {}) {
      for (let after = -1; ;) {
        const rows = await db
          .selectFrom('cases as c')
          .leftJoin('results as r', (j) => j.onRef('r.run_id', '=', 'c.run_id').onRef('r.case_id', '=', 'c.case_id'))
          .select(['c.body', 'c.ord'])
          .where('c.run_id', '=', runId)
          .where('c.ord', '>', after)
          .where('r.case_id', 'is', null)
          .orderBy('c.ord')
          .limit(o.pageSize ?? RESULT_PAGE)
          .execute();
        if (rows.length === 0) return;
        after = rows.at(-1)?.ord ?? after;
        yield rows.map((r) => codec.parseCase(r.body));
      }
    },
    async putResults(results) {
      let stored = 0;
      for (let i = 0; i < results.length; i += CHUNK) {
        const inserted = await db
          .insertInto('results')
          .values(results.slice(i, i + CHUNK).map(codec.resultRow))
          .onConflict((oc) => oc.columns(['run_id', 'case_id']).doNothing())
          .returning('case_id')
          .execute();
        stored += inserted.length;
      }
      return stored;
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
    countResults: (runId, filter) => pgCountResults(db, runId, filter),
    async results(runId) {
      const rows = await db
        .selectFrom('results as r')
        .innerJoin('cases as c', (j) => j.onRef('c.run_id', '=', 'r.run_id').onRef('c.case_id', '=', 'r.case_id'))
        .select('r.body')
        .where('r.run_id', '=', runId)
        .orderBy('c.ord')
        .execute();
      return rows.map((r) => codec.parseResult(r.body));
    },
    async *resultPages(runId, o = {}) {
      for (let after = -1; ;) {
        const rows = await db
          .selectFrom('results as r')
          .innerJoin('cases as c', (j) => j.onRef('c.run_id', '=', 'r.run_id').onRef('c.case_id', '=', 'r.case_id'))
          .select(['r.body', 'c.ord'])
          .where('r.run_id', '=', runId)
          .where('c.ord', '>', after)
          .orderBy('c.ord')
          .limit(o.pageSize ?? RESULT_PAGE)
          .execute();
        if (rows.length === 0) return;
        after = rows.at(-1)?.ord ?? after;
        yield rows.map((r) => codec.parseResult(r.body));
      }
    },
    queryResults: (runId, q) => pgQueryResults(db, runId, q),
    async cacheGet(key, scope) {
      const base = db.selectFrom('response_cache').select('body').where('key', '=', key);
      const own = await base.where('run_id', '=', scope.runId).executeTakeFirst();
      const row =
        own ??
        (scope.reuse === 'any'
          ? await base.orderBy('created_at', 'desc').limit(1).executeTakeFirst()
          : scope.reuse !== undefined
            ? await base.where('run_id', '=', scope.reuse).executeTakeFirst()
            : undefined);
      return row ? codec.parseResponse(row.body) : undefined;
    },
    async cachePut(key, runId, response) {
      const body = JSON.stringify(response);
      const created_at = new Date().toISOString();
      await db
        .insertInto('response_cache')
        .values({ key, run_id: runId, body, created_at })
        .onConflict((oc) => oc.columns(['key', 'run_id']).doUpdateSet({ body, created_at }))
        .execute();
    },
    async cacheStats() {
      const rows = await db
        .selectFrom('response_cache')
        .select((eb) => ['run_id', eb.fn.countAll<number | string>().as('n'), eb.fn.max('created_at').as('newest')])
        .groupBy('run_id')
        .orderBy('newest', 'desc')
        .execute();
      const runs = rows.map((r) => ({ runId: r.run_id, entries: Number(r.n), newest: String(r.newest) }));
      return { entries: runs.reduce((a, r) => a + r.entries, 0), runs };
    },
    async cacheClear(o = {}) {
      const q = db.deleteFrom('response_cache');
      const res = await (o.runId === undefined ? q : q.where('run_id', '=', o.runId)).executeTakeFirst();
      return Number(res.numDeletedRows);
    },
    async putAuditMarks(marks) {
      if (marks.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const m of marks) {
          const { prompt_hash, ...rest } = codec.auditMarkRow(m);
          await trx
            .insertInto('audit_marks')
            .values({ prompt_hash, ...rest })
            .onConflict((oc) => oc.column('prompt_hash').doUpdateSet(rest))
            .execute();
        }
      });
    },
    auditMarks: async () => codec.auditMarksFromRows(await db.selectFrom('audit_marks').selectAll().execute()),
    async close() {
      await db.destroy();
      await o.onClose?.();
    },
  };
}
