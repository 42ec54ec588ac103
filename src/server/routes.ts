import { ackAlerts, listAlerts } from '../monitor/alert-store.js';
import { readMonitorStatus } from '../monitor/evaluate-monitor.js';
import { readMonitorConfig } from '../monitor/monitor-config.js';
import { computeAgreement } from '../review/agreement.js';
import { parseLabel, saveLabel } from '../review/review-label.js';
import { ensureReviewSchema } from '../review/review-migrations.js';
import { listQueue, queueCounts, refreshQueue } from '../review/review-queue.js';
import { InputError } from '../spec/errors.js';
import { buildScorecard } from '../metrics/scorecard.js';
import { compareRuns } from '../report/compare.js';
import { renderReport } from '../report/render.js';
import { comparePage } from './compare-page.js';
import { htmlReply, json, type DashboardOptions, type Handler } from './dashboard-context.js';
import { homePage } from './home-page.js';
import { html } from './html.js';
import { ingestRequest } from './ingest-endpoint.js';
import { page } from './layout.js';
import { MONITOR_SCRIPT, monitorPage } from './monitor-page.js';
import { readJsonBody } from './read-body.js';
import { REVIEW_CSS, REVIEW_SCRIPT, reviewPage } from './review-page.js';
import { compareForm, runsPage } from './runs-page.js';
import { z } from 'zod';

export interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  handler: Handler;
}

const ackSchema = z.union([z.object({ ids: z.array(z.number().int()) }).strict(), z.object({ all: z.literal(true) }).strict()]);

/** Every page and API route; the server adds auth, CSP and error mapping around them. */
export function createRoutes(o: DashboardOptions, hooks: { afterIngest: () => void }): Route[] {
  const db = o.store.db;
  ensureReviewSchema(db);
  const config = () => o.monitorConfig?.() ?? readMonitorConfig(db);
  let queuedAt = -1;
  const refresh = (): void => {
    // Re-sample only when records arrived since the last look; sampling scans every record.
    const top = db.prepare<[], { m: number | null }>('SELECT MAX(rowid) AS m FROM monitor_records').get()?.m ?? 0;
    if (top !== queuedAt) refreshQueue(db);
    queuedAt = top;
  };
  const records = (): number => db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM monitor_records').get()?.n ?? 0;
  const runOr404 = (ref: string) => {
    const run = o.store.getRun(ref);
    if (!run) throw new NotFound(`no run "${ref}"`);
    return run;
  };
  return [
    { method: 'GET', path: /^\/$/, handler: () => {
      refresh();
      const body = homePage({ runs: o.store.listRuns(), records: records(), alerts: listAlerts(db), queue: queueCounts(db) });
      return htmlReply(page({ title: 'Overview', here: 'home' }, body));
    } },
    { method: 'GET', path: /^\/runs$/, handler: () => htmlReply(page({ title: 'Runs', here: 'runs' }, runsPage(o.store.listRuns()))) },
    { method: 'GET', path: /^\/runs\/([^/]+)$/, handler: ({ params }) => {
      const run = runOr404(params[0] ?? '');
      const results = o.store.results(run.id);
      // The HTML run report as `report` writes it, with a way back to the dashboard.
      const report = renderReport('html', { scorecard: buildScorecard({ run, results }), results });
      return htmlReply(report.replace(/<body[^>]*>/, (body) => `${body}<p><a href="/runs">← all runs</a> · <a href="/">dashboard</a></p>`), 200, 'report');
    } },
    { method: 'GET', path: /^\/compare$/, handler: ({ url }) => {
      const runs = o.store.listRuns();
      const a = url.searchParams.get('a');
      const b = url.searchParams.get('b');
      if (!a || !b) return htmlReply(page({ title: 'Compare', here: 'compare' }, html`<h1>Compare</h1>${runs.length >= 2 ? compareForm(runs, runs[1]?.id, runs[0]?.id) : html`<p class="muted">Two runs are needed to compare.</p>`}`));
      const ra = runOr404(a);
      const rb = runOr404(b);
      const side = (run: typeof ra) => {
        const results = o.store.results(run.id);
        return { scorecard: buildScorecard({ run, results }), results };
      };
      const body = comparePage(compareRuns(side(ra), side(rb)));
      return htmlReply(page({ title: 'Compare', here: 'compare' }, html`${body}${compareForm(runs, ra.id, rb.id)}`));
    } },
    { method: 'GET', path: /^\/monitor$/, handler: ({ nonce }) =>
      htmlReply(page({ title: 'Monitor', here: 'monitor', nonce, script: MONITOR_SCRIPT }, monitorPage(readMonitorStatus(db, config())))) },
    { method: 'GET', path: /^\/review$/, handler: ({ url, nonce }) => {
      refresh();
      const s = url.searchParams.get('status');
      const status = s === 'labeled' || s === 'all' ? s : 'pending';
      const body = reviewPage({ items: listQueue(db, { status, limit: 200 }), status, counts: queueCounts(db), agreement: computeAgreement(db) });
      return htmlReply(page({ title: 'Review', here: 'review', nonce, script: REVIEW_SCRIPT, css: REVIEW_CSS }, body));
    } },
    { method: 'GET', path: /^\/api\/monitor\/status$/, handler: () => json(readMonitorStatus(db, config())) },
    { method: 'GET', path: /^\/api\/review\/queue$/, handler: ({ url }) => {
      refresh();
      const s = url.searchParams.get('status');
      return json({ counts: queueCounts(db), items: listQueue(db, { status: s === 'labeled' || s === 'all' ? s : 'pending' }) });
    } },
    { method: 'GET', path: /^\/api\/review\/agreement$/, handler: () => json(computeAgreement(db)) },
    { method: 'POST', path: /^\/api\/review\/label$/, handler: async ({ req }) => json(saveLabel(db, parseLabel(await readJsonBody(req)))) },
    { method: 'POST', path: /^\/api\/alerts\/ack$/, handler: async ({ req }) => {
      const parsed = ackSchema.safeParse(await readJsonBody(req));
      if (!parsed.success) throw new InputError('ack: expected {"ids": [numbers]} or {"all": true}');
      return json({ acknowledged: ackAlerts(db, 'all' in parsed.data ? 'all' : parsed.data.ids) });
    } },
    { method: 'POST', path: /^\/api\/ingest$/, handler: async ({ req, url }) => {
      const report = await ingestRequest(req, url, { store: o.store, judge: o.judge, matcher: o.matcher?.(), matchThreshold: config().matchThreshold, redact: o.redact });
      o.onEvent?.({ type: 'ingest', report });
      hooks.afterIngest();
      return json(report);
    } },
  ];
}

export class NotFound extends Error {}

