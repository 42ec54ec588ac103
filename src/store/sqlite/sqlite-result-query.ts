import type Database from 'better-sqlite3';
import * as codec from '../rows.js';
import type { PlacedResult, ResultFilter, ResultQuery } from '../store.js';

interface Params {
  run: string;
  verdict?: string;
  prefix?: string;
  at?: number;
  limit?: number;
}

/**
 * `queryResults` and a filtered `countResults` on SQLite: one statement per shape of query (which
 * filters, which direction), prepared the first time that shape is asked for.
 */
export function sqliteResultQueries(db: Database.Database): {
  query(runId: string, q: ResultQuery): PlacedResult[];
  count(runId: string, f: ResultFilter): number;
} {
  const prepared = new Map<string, Database.Statement<[Params]>>();
  const statement = (sql: string): Database.Statement<[Params]> => {
    let s = prepared.get(sql);
    if (!s) {
      s = db.prepare<[Params]>(sql);
      prepared.set(sql, s);
    }
    return s;
  };
  const where = (f: ResultFilter): string =>
    [
      'r.run_id = @run',
      f.verdict === undefined ? '' : 'r.verdict = @verdict',
      // substr rather than LIKE so ids holding % or _ match literally
      f.caseIdPrefix === undefined ? '' : 'substr(r.case_id, 1, length(@prefix)) = @prefix',
    ]
      .filter(Boolean)
      .join(' AND ');
  const params = (runId: string, f: ResultFilter): Params => ({
    run: runId,
    ...(f.verdict === undefined ? {} : { verdict: f.verdict }),
    ...(f.caseIdPrefix === undefined ? {} : { prefix: f.caseIdPrefix }),
  });
  return {
    query(runId, q) {
      const back = q.before !== undefined;
      const at = back ? q.before : q.after;
      const sql =
        'SELECT r.body, c.ord FROM results r JOIN cases c ON c.run_id = r.run_id AND c.case_id = r.case_id ' +
        `WHERE ${where(q)}${at === undefined ? '' : back ? ' AND c.ord < @at' : ' AND c.ord > @at'} ` +
        `ORDER BY c.ord ${back ? 'DESC' : 'ASC'} LIMIT @limit`;
      const rows = statement(sql).all({ ...params(runId, q), ...(at === undefined ? {} : { at }), limit: q.limit }) as Array<{
        body: string;
        ord: number;
      }>;
      const placed = rows.map((r) => ({ ord: r.ord, result: codec.parseResult(r.body) }));
      return back ? placed.reverse() : placed;
    },
    count(runId, f) {
      const row = statement(`SELECT COUNT(*) AS n FROM results r WHERE ${where(f)}`).get(params(runId, f)) as { n: number } | undefined;
      return row?.n ?? 0;
    },
  };
}
