import { RESULT_PAGE, type Store } from '../store.js';
import * as codec from '../rows.js';
import type { SqliteFile } from './sqlite-file.js';
import { withStoreFaults } from './sqlite-faults.js';
import { sqliteResultQueries } from './sqlite-result-query.js';
import { writeBatch } from './write-batch.js';

interface BodyRow {
  body: string;
}

/**
 * The Store on one better-sqlite3 connection: statements prepared once, each call synchronous
 * under the Promise (a run's hot path, storing results, costs no more than before it was async).
 */
export function sqliteStore(file: SqliteFile): Store {
  const { db } = file;
  const s = {
    insertRun: db.prepare('INSERT INTO runs (id, created_at, status, record) VALUES (?, ?, ?, ?)'),
    updateRun: db.prepare('UPDATE runs SET status = ?, record = ? WHERE id = ?'),
    insertCase: db.prepare('INSERT OR IGNORE INTO cases (run_id, case_id, ord, body) VALUES (?, ?, ?, ?)'),
    insertContext: db.prepare('INSERT OR REPLACE INTO run_contexts (run_id, body) VALUES (?, ?)'),
    context: db.prepare<[string], BodyRow>('SELECT body FROM run_contexts WHERE run_id = ?'),
    runById: db.prepare<[string], { record: string }>('SELECT record FROM runs WHERE id = ?'),
    // substr rather than LIKE so ids holding % or _ match literally.
    runsByPrefix: db.prepare<[string, string], { record: string }>(
      'SELECT record FROM runs WHERE substr(id, 1, length(?)) = ? ORDER BY created_at DESC LIMIT 2',
    ),
    latestRun: db.prepare<[], { record: string }>('SELECT record FROM runs ORDER BY created_at DESC, rowid DESC LIMIT 1'),
    allRuns: db.prepare<[], { record: string }>('SELECT record FROM runs ORDER BY created_at DESC, rowid DESC'),
    cases: db.prepare<[string], BodyRow>('SELECT body FROM cases WHERE run_id = ? ORDER BY ord'),
    case: db.prepare<[string, string], BodyRow>('SELECT body FROM cases WHERE run_id = ? AND case_id = ?'),
    pending: db.prepare<[string], BodyRow>(
      'SELECT c.body FROM cases c LEFT JOIN results r ON r.run_id = c.run_id AND r.case_id = c.case_id WHERE c.run_id = ? AND r.case_id IS NULL ORDER BY c.ord',
    ),
    pendingPage: db.prepare<[string, number, number], BodyRow & { ord: number }>(
      'SELECT c.body, c.ord FROM cases c LEFT JOIN results r ON r.run_id = c.run_id AND r.case_id = c.case_id WHERE c.run_id = ? AND c.ord > ? AND r.case_id IS NULL ORDER BY c.ord LIMIT ?',
    ),
    putResult: db.prepare('INSERT OR IGNORE INTO results (run_id, case_id, verdict, body, finished_at) VALUES (?, ?, ?, ?, ?)'),
    hasResult: db.prepare<[string, string], { n: number }>('SELECT 1 AS n FROM results WHERE run_id = ? AND case_id = ?'),
    countResults: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM results WHERE run_id = ?'),
    results: db.prepare<[string], BodyRow>(
      'SELECT r.body FROM results r JOIN cases c ON c.run_id = r.run_id AND c.case_id = r.case_id WHERE r.run_id = ? ORDER BY c.ord',
    ),
    resultPage: db.prepare<[string, number, number], BodyRow & { ord: number }>(
      'SELECT r.body, c.ord FROM results r JOIN cases c ON c.run_id = r.run_id AND c.case_id = r.case_id WHERE r.run_id = ? AND c.ord > ? ORDER BY c.ord LIMIT ?',
    ),
    cacheOwn: db.prepare<[string, string], BodyRow>('SELECT body FROM response_cache WHERE key = ? AND run_id = ?'),
    cacheAny: db.prepare<[string], BodyRow>('SELECT body FROM response_cache WHERE key = ? ORDER BY created_at DESC, rowid DESC LIMIT 1'),
    cachePut: db.prepare('INSERT OR REPLACE INTO response_cache (key, run_id, body, created_at) VALUES (?, ?, ?, ?)'),
    cacheStats: db.prepare<[], { run_id: string; n: number; newest: string }>(
      'SELECT run_id, COUNT(*) AS n, MAX(created_at) AS newest FROM response_cache GROUP BY run_id ORDER BY newest DESC',
    ),
    cacheClearRun: db.prepare('DELETE FROM response_cache WHERE run_id = ?'),
    cacheClearAll: db.prepare('DELETE FROM response_cache'),
    idsByPrefix: db.prepare<[string, string, number], { id: string }>(
      'SELECT id FROM runs WHERE substr(id, 1, length(?)) = ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
    ),
    putMark: db.prepare(
      'INSERT OR REPLACE INTO audit_marks (prompt_hash, prompt, status, score, evidence, audited_at) VALUES (@prompt_hash, @prompt, @status, @score, @evidence, @audited_at)',
    ),
    marks: db.prepare<[], codec.AuditMarkRow>('SELECT * FROM audit_marks'),
  };
  const queries = sqliteResultQueries(db);
  const runOf = (row: { record: string } | undefined) => (row ? codec.parseRun(row.record) : undefined);
  const cachePuts = writeBatch<[string, string, string, string]>((rows) =>
    db.transaction(() => {
      for (const r of rows) s.cachePut.run(...r);
    })(),
  );

  return withStoreFaults<Store>(
    {
      kind: 'sqlite',
      path: file.path,
      async createRun(run, cases, context) {
        db.transaction(() => {
          s.insertRun.run(run.id, run.createdAt, run.status, JSON.stringify(run));
          cases.forEach((c, i) => s.insertCase.run(run.id, c.id, i, JSON.stringify(c)));
          s.insertContext.run(run.id, JSON.stringify(context));
        })();
        // A run's plan is the largest write it makes: fold it into the database file now, so the
        // write-ahead log starts empty and a disk that fills mid-run still has room to mark the run failed.
        db.pragma('wal_checkpoint(TRUNCATE)');
      },
      async getRun(ref) {
        if (ref === 'latest') return runOf(s.latestRun.get());
        const exact = s.runById.get(ref);
        if (exact) return runOf(exact);
        const matches = s.runsByPrefix.all(ref, ref);
        return matches.length === 1 ? runOf(matches[0]) : undefined;
      },
      listRuns: async () => s.allRuns.all().map((r) => codec.parseRun(r.record)),
      async setRunStatus(runId, status) {
        db.transaction(() => {
          const run = runOf(s.runById.get(runId));
          if (run) s.updateRun.run(status, JSON.stringify(codec.withStatus(run, status)), runId);
        })();
      },
      async finishRun(runId, o) {
        db.transaction(() => {
          const run = runOf(s.runById.get(runId));
          if (run) s.updateRun.run(o.status, JSON.stringify(codec.withOutcome(run, o)), runId);
        })();
      },
      runIdsByPrefix: async (prefix, limit) => s.idsByPrefix.all(prefix, prefix, limit).map((r) => r.id),
      async runContext(runId) {
        const row = s.context.get(runId);
        return row ? codec.parseContext(row.body) : undefined;
      },
      cases: async (runId) => s.cases.all(runId).map((r) => codec.parseCase(r.body)),
      async case(runId, caseId) {
        const row = s.case.get(runId, caseId);
        return row ? codec.parseCase(row.body) : undefined;
      },
      pendingCases: async (runId) => s.pending.all(runId).map((r) => codec.parseCase(r.body)),
      async *pendingCasePages(runId, o = {}) {
        for (let after = -1; ;) {
          const rows = s.pendingPage.all(runId, after, o.pageSize ?? RESULT_PAGE);
          if (rows.length === 0) return;
          after = rows.at(-1)?.ord ?? after;
          yield rows.map((r) => codec.parseCase(r.body));
        }
      },
      async putResults(results) {
        let stored = 0;
        db.transaction(() => {
          // Positional parameters: the hot path of a run, one statement per result.
          for (const r of results)
            stored += s.putResult.run(r.runId, r.caseId, r.judgement.verdict, JSON.stringify(r), r.finishedAt).changes;
        })();
        return stored;
      },
      hasResult: async (runId, caseId) => s.hasResult.get(runId, caseId) !== undefined,
      countResults: async (runId, filter) =>
        filter?.verdict === undefined && filter?.caseIdPrefix === undefined
          ? (s.countResults.get(runId)?.n ?? 0)
          : queries.count(runId, filter),
      results: async (runId) => s.results.all(runId).map((r) => codec.parseResult(r.body)),
      async *resultPages(runId, o = {}) {
        // keyset on the plan order: each page is its own short query, so the connection is never left busy between pages
        for (let after = -1; ;) {
          const rows = s.resultPage.all(runId, after, o.pageSize ?? RESULT_PAGE);
          if (rows.length === 0) return;
          after = rows.at(-1)?.ord ?? after;
          yield rows.map((r) => codec.parseResult(r.body));
        }
      },
      queryResults: async (runId, q) => queries.query(runId, q),
      async cacheGet(key, scope) {
        const row =
          s.cacheOwn.get(key, scope.runId) ??
          (scope.reuse === 'any' ? s.cacheAny.get(key) : scope.reuse !== undefined ? s.cacheOwn.get(key, scope.reuse) : undefined);
        return row ? codec.parseResponse(row.body) : undefined;
      },
      cachePut: (key, runId, response) => cachePuts.add([key, runId, JSON.stringify(response), new Date().toISOString()]),
      async cacheStats() {
        const runs = s.cacheStats.all().map((r) => ({ runId: r.run_id, entries: r.n, newest: r.newest }));
        return { entries: runs.reduce((a, r) => a + r.entries, 0), runs };
      },
      cacheClear: async (o = {}) => (o.runId === undefined ? s.cacheClearAll.run() : s.cacheClearRun.run(o.runId)).changes,
      async putAuditMarks(marks) {
        db.transaction(() => {
          for (const m of marks) s.putMark.run(codec.auditMarkRow(m));
        })();
      },
      auditMarks: async () => codec.auditMarksFromRows(s.marks.all()),
      close: async () => {
        try {
          file.close();
        } catch {
          // A checkpoint that cannot run (a full disk) loses nothing: committed pages wait in the WAL for the next open.
        }
      },
    },
    file.path,
  );
}
