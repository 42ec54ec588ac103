import { sql, type Kysely } from 'kysely';
import * as codec from '../rows.js';
import type { PlacedResult, ResultFilter, ResultQuery } from '../store.js';
import type { CoreTables } from './tables.js';

// substr rather than LIKE so ids holding % or _ match literally; char_length counts as substr does
const startsWith = (prefix: string) => sql<boolean>`substr(r.case_id, 1, char_length(${prefix})) = ${prefix}`;

/** `queryResults` on Postgres: the results `q` takes, keyset on the plan order, in plan order. */
export async function pgQueryResults(db: Kysely<CoreTables>, runId: string, q: ResultQuery): Promise<PlacedResult[]> {
  const back = q.before !== undefined;
  let query = db
    .selectFrom('results as r')
    .innerJoin('cases as c', (j) => j.onRef('c.run_id', '=', 'r.run_id').onRef('c.case_id', '=', 'r.case_id'))
    .select(['r.body', 'c.ord'])
    .where('r.run_id', '=', runId);
  if (q.verdict !== undefined) query = query.where('r.verdict', '=', q.verdict);
  if (q.caseIdPrefix !== undefined) query = query.where(startsWith(q.caseIdPrefix));
  if (q.before !== undefined) query = query.where('c.ord', '<', q.before);
  else if (q.after !== undefined) query = query.where('c.ord', '>', q.after);
  const rows = await query
    .orderBy('c.ord', back ? 'desc' : 'asc')
    .limit(q.limit)
    .execute();
  const placed = rows.map((r) => ({ ord: r.ord, result: codec.parseResult(r.body) }));
  return back ? placed.reverse() : placed;
}

/** A run's results `f` takes, counted. */
export async function pgCountResults(db: Kysely<CoreTables>, runId: string, f: ResultFilter = {}): Promise<number> {
  let query = db
    .selectFrom('results as r')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('r.run_id', '=', runId);
  if (f.verdict !== undefined) query = query.where('r.verdict', '=', f.verdict);
  if (f.caseIdPrefix !== undefined) query = query.where(startsWith(f.caseIdPrefix));
  const row = await query.executeTakeFirstOrThrow();
  // Postgres returns count(*) as a bigint string.
  return Number(row.n);
}
