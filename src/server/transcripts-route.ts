import { InputError, verdictSchema, type RunRecord } from '../spec/index.js';
import type { ResultFilter, Store } from '../store/index.js';
import { htmlReply, type Reply, type RouteInput } from './dashboard-context.js';
import { page } from './layout.js';
import { TRANSCRIPTS_CSS, transcriptsPage } from './transcripts-page.js';

const PER_PAGE = 50;
const MAX_PER_PAGE = 200;

/**
 * GET /runs/:id/transcripts?verdict=…&case=…&after=<ord>|before=<ord>&per=…: every transcript of a
 * run, a bounded page at a time, keyset on the plan order so the last page of a 100,000-case run
 * costs what the first does. The report of a large run embeds a selection and points here.
 */
export function transcriptsRoute(
  store: Pick<Store, 'queryResults' | 'countResults'>,
  runOr404: (ref: string) => Promise<RunRecord>,
): (input: RouteInput) => Promise<Reply> {
  return async ({ params, url }) => {
    const run = await runOr404(params[0] ?? '');
    const q = url.searchParams;
    const filter = filterOf(q);
    const per = intParam(q, 'per', { min: 1, max: MAX_PER_PAGE }) ?? PER_PAGE;
    const before = intParam(q, 'before', { min: 0 });
    const after = before === undefined ? intParam(q, 'after', { min: -1 }) : undefined;
    // one more than the page asks for: whether a page lies beyond it in that direction
    const rows = await store.queryResults(run.id, { ...filter, ...(before === undefined ? { after } : { before }), limit: per + 1 });
    const more = rows.length > per;
    const items = before === undefined ? rows.slice(0, per) : rows.slice(rows.length - Math.min(rows.length, per));
    const first = items[0];
    const last = items.at(-1);
    const exists = async (o: { after: number } | { before: number }): Promise<boolean> =>
      (await store.queryResults(run.id, { ...filter, ...o, limit: 1 })).length > 0;
    const hasPrevious = before !== undefined ? more : first !== undefined && after !== undefined && (await exists({ before: first.ord }));
    const hasNext = before === undefined ? more : last !== undefined && (await exists({ after: last.ord }));
    const link = (o: { after?: number; before?: number }): string => {
      const s = new URLSearchParams();
      if (filter.verdict) s.set('verdict', filter.verdict);
      if (filter.caseIdPrefix) s.set('case', filter.caseIdPrefix);
      if (per !== PER_PAGE) s.set('per', String(per));
      if (o.after !== undefined) s.set('after', String(o.after));
      if (o.before !== undefined) s.set('before', String(o.before));
      const query = s.toString();
      return `/runs/${encodeURIComponent(run.id)}/transcripts${query ? `?${query}` : ''}`;
    };
    const body = transcriptsPage({
      run,
      filter,
      perPage: per,
      items,
      matching: await store.countResults(run.id, filter),
      total: await store.countResults(run.id),
      ...(hasPrevious && first ? { previous: link({ before: first.ord }) } : {}),
      ...(hasNext && last ? { next: link({ after: last.ord }) } : {}),
      first: link({}),
      withPrefix: (prefix) => `/runs/${encodeURIComponent(run.id)}/transcripts?${new URLSearchParams({ case: prefix }).toString()}`,
    });
    return htmlReply(page({ title: `Transcripts · ${run.id}`, here: 'runs', css: TRANSCRIPTS_CSS }, body));
  };
}

function filterOf(q: URLSearchParams): ResultFilter {
  const verdict = q.get('verdict') || undefined;
  const prefix = q.get('case')?.trim() || undefined;
  if (verdict !== undefined && !verdictSchema.safeParse(verdict).success)
    throw new InputError(`verdict: expected one of ${verdictSchema.options.join(', ')}, got "${verdict}"`);
  if (prefix !== undefined && prefix.length > 500) throw new InputError('case: a case-id prefix of at most 500 characters');
  return {
    ...(verdict === undefined ? {} : { verdict: verdictSchema.parse(verdict) }),
    ...(prefix === undefined ? {} : { caseIdPrefix: prefix }),
  };
}

function intParam(q: URLSearchParams, name: string, range: { min: number; max?: number }): number | undefined {
  const raw = q.get(name);
  if (raw === null || raw === '') return undefined;
  const n = /^-?\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < range.min || (range.max !== undefined && n > range.max))
    throw new InputError(
      `${name}: expected a whole number ${range.max === undefined ? `≥ ${range.min}` : `from ${range.min} to ${range.max}`}, got "${raw}"`,
    );
  return n;
}
