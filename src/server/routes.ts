import { monitorScope, parseRange, readMonitorStatus, type MonitorStore, type RangeSpec } from '../monitor/index.js';
import { InputError, type CaseResult, type RunRecord } from '../spec/index.js';
import type { Store } from '../store/index.js';
import type { ReviewStore } from '../review/index.js';
import { storedGatePolicy } from '../metrics/index.js';
import { compareRuns, createCaseChanges, createReportCases, renderReport, type RunSide } from '../report/index.js';
import { summarizeRun } from '../run/index.js';
import { COMPARE_CSS, comparePage } from './compare-page.js';
import { htmlReply, json, type DashboardOptions, type Handler, type Reply, type Route, type RouteInput } from './dashboard-context.js';
import { homePage } from './home-page.js';
import { html } from './html.js';
import { ingestRequest } from './ingest-endpoint.js';
import { page } from './layout.js';
import { monitorPage } from './monitor-page.js';
import { MONITOR_CSS, MONITOR_SCRIPT } from './monitor-script.js';
import { readJsonBody } from './read-body.js';
import { reviewRoutes } from './review-routes.js';
import { compareForm, runsPage } from './runs-page.js';
import { transcriptsRoute } from './transcripts-route.js';
import { z } from 'zod';

export type { Route } from './dashboard-context.js';

const ackSchema = z.union([z.object({ ids: z.array(z.number().int()) }).strict(), z.object({ all: z.literal(true) }).strict()]);

/**
 * Every page and API route; the server adds auth, CSP and error mapping around them. Runs, the
 * monitor (ingest, windows, incidents) and the review queue each come from a store contract, so the
 * same pages serve the local SQLite file or a team's Postgres.
 */
export function createRoutes(o: DashboardOptions, monitor: MonitorStore, review: ReviewStore, hooks: { afterIngest: () => void }): Route[] {
  const config = async () => o.monitorConfig?.() ?? (await monitor.readConfig());
  const runs = o.runs ? runRoutes(o.runs) : undefined;
  const needsRuns = (what: string, pick: (r: RunRoutes) => Handler): Handler => (runs ? pick(runs) : () => unavailable(what));
  const reviewing = reviewRoutes(o, review);
  const refresh = reviewing.refresh;
  return [
    ...reviewing.routes,
    {
      method: 'GET',
      path: /^\/$/,
      handler: async () => {
        await refresh();
        const body = homePage({
          runs: (await runs?.list()) ?? [],
          records: await monitor.countRecords(),
          incidents: await monitor.listIncidents({ status: 'open', scope: monitorScope(await config()) }),
          leaks: await monitor.countLeaks(),
          queue: await review.queueCounts(),
        });
        return htmlReply(page({ title: 'Overview', here: 'home' }, body));
      },
    },
    { method: 'GET', path: /^\/runs$/, handler: needsRuns('Runs', (r) => r.runsPage) },
    { method: 'GET', path: /^\/runs\/([^/]+)$/, handler: needsRuns('Runs', (r) => r.runPage) },
    { method: 'GET', path: /^\/runs\/([^/]+)\/transcripts$/, handler: needsRuns('Transcripts', (r) => r.transcriptsPage) },
    { method: 'GET', path: /^\/compare$/, handler: needsRuns('Compare', (r) => r.comparePage) },
    {
      method: 'GET',
      path: /^\/monitor$/,
      handler: async ({ nonce, url }) =>
        htmlReply(
          page(
            { title: 'Monitor', here: 'monitor', nonce, script: MONITOR_SCRIPT, css: MONITOR_CSS },
            monitorPage(await readMonitorStatus(monitor, await config(), { range: rangeOf(url) })),
          ),
        ),
    },
    {
      method: 'GET',
      path: /^\/api\/monitor\/status$/,
      handler: async ({ url }) => json(await readMonitorStatus(monitor, await config(), { range: rangeOf(url) })),
    },
    {
      method: 'POST',
      path: /^\/api\/incidents\/ack$/,
      handler: async ({ req }) => {
        const parsed = ackSchema.safeParse(await readJsonBody(req));
        if (!parsed.success) throw new InputError('ack: expected {"ids": [numbers]} or {"all": true}');
        return json({ acknowledged: await monitor.ackIncidents('all' in parsed.data ? 'all' : parsed.data.ids) });
      },
    },
    {
      method: 'POST',
      path: /^\/api\/ingest$/,
      handler: async ({ req, url }) => {
        const report = await ingestRequest(req, url, {
          monitor,
          judge: o.judge,
          matcher: o.matcher?.(),
          matchThreshold: (await config()).matchThreshold,
          redact: o.redact,
          maxBytes: o.maxIngestBytes,
        });
        o.onEvent?.({ type: 'ingest', report });
        hooks.afterIngest();
        return json(report);
      },
    },
  ];
}

function rangeOf(url: URL): RangeSpec {
  const q = url.searchParams;
  return parseRange(q.get('range'), q.get('from') || null, q.get('to') || null);
}

interface RunRoutes {
  list: () => Promise<RunRecord[]>;
  runsPage: Handler;
  runPage: Handler;
  transcriptsPage: Handler;
  comparePage: Handler;
}

/** Pages over stored runs: the list, each run's report and its transcripts, compare. */
function runRoutes(store: Pick<Store, 'getRun' | 'listRuns' | 'resultPages' | 'queryResults' | 'countResults' | 'path'>): RunRoutes {
  const runOr404 = async (ref: string): Promise<RunRecord> => {
    const run = await store.getRun(ref);
    if (!run) throw new NotFound(`no run "${ref}"`);
    return run;
  };
  const side = async (run: RunRecord, each: (r: CaseResult) => void): Promise<RunSide> => {
    const { scorecard } = await summarizeRun(store, run.id, { each });
    const stored = storedGatePolicy(run);
    return { scorecard, ...(stored ? { storedGatePolicy: stored } : {}) };
  };
  return {
    list: () => store.listRuns(),
    runsPage: async () => htmlReply(page({ title: 'Runs', here: 'runs' }, runsPage(await store.listRuns()))),
    runPage: async ({ params }: RouteInput): Promise<Reply> => {
      const run = await runOr404(params[0] ?? '');
      // The HTML run report as `run` writes it (results streamed from the store), with a way back to the dashboard.
      const cases = createReportCases();
      const policy = storedGatePolicy(run);
      const { scorecard, gate } = await summarizeRun(store, run.id, { ...(policy ? { policy } : {}), each: (r) => cases.add(r) });
      const report = renderReport('html', { scorecard, cases: cases.finish(), ...(gate ? { gate } : {}) });
      const transcripts = `/runs/${encodeURIComponent(run.id)}/transcripts`;
      const nav = html`<p><a href="/runs">← all runs</a> · <a href="/">dashboard</a> · <a href="${transcripts}" id="all-transcripts">every transcript, a page at a time</a></p>`;
      return htmlReply(
        report.replace(/<body[^>]*>/, (body) => `${body}${nav.value}`),
        200,
        'report',
      );
    },
    transcriptsPage: transcriptsRoute(store, runOr404),
    comparePage: async ({ url }: RouteInput): Promise<Reply> => {
      const runs = await store.listRuns();
      const a = url.searchParams.get('a');
      const b = url.searchParams.get('b');
      if (!a || !b)
        return htmlReply(
          page(
            { title: 'Compare', here: 'compare' },
            html`<h1>Compare</h1>${runs.length >= 2 ? compareForm(runs, runs[1]?.id, runs[0]?.id) : html`<p class="muted">Two runs are needed to compare.</p>`}`,
          ),
        );
      const ra = await runOr404(a);
      const rb = await runOr404(b);
      // each run streams from the store once, A before B, into its scorecard and the flipped cases
      const cases = createCaseChanges();
      const sa = await side(ra, cases.before);
      const sb = await side(rb, cases.after);
      const body = comparePage(compareRuns(sa, sb, { cases: cases.finish() }));
      return htmlReply(page({ title: 'Compare', here: 'compare', css: COMPARE_CSS }, html`${body}${compareForm(runs, ra.id, rb.id)}`));
    },
  };
}

function unavailable(what: string): Reply {
  return htmlReply(page({ title: what }, html`<h1>${what}</h1><p>This dashboard was started without a run store.</p>`), 501);
}

export class NotFound extends Error {}
