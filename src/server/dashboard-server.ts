import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { evaluateMonitor, postIncidentEvents } from '../monitor/index.js';
import { DrillError, UsageError } from '../spec/index.js';
import { hostAllowed, isLoopbackHost, presentedToken, sameOriginWrite, tokenCookie, tokenMatches } from './auth.js';
import type { DashboardOptions, Reply } from './dashboard-context.js';
import { createIngestQueue } from './ingest-queue.js';
import { NotFound, createRoutes } from './routes.js';

export interface DashboardServer {
  url: string;
  host: string;
  port: number;
  /** Resolves once any scheduled drift evaluation has run. */
  settle(): Promise<void>;
  /** Live ingests running and waiting their turn. */
  ingestQueue(): { running: number; waiting: number };
  close(): Promise<void>;
}

/**
 * The local dashboard and its API over node:http. Loopback by default; bound anywhere else it
 * refuses to start without a token, and then every route asks for it.
 */
export async function startDashboard(o: DashboardOptions): Promise<DashboardServer> {
  const host = o.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !o.token)
    throw new UsageError(`serving on ${host} exposes production logs: pass --token (or set REFUSAL_DRILL_TOKEN)`);
  const { monitor, review } = o;
  let timer: NodeJS.Timeout | undefined;
  let evaluating: Promise<void> = Promise.resolve();
  const evaluate = async (): Promise<void> => {
    timer = undefined;
    const status = await evaluateMonitor(monitor, o.monitorConfig?.() ?? (await monitor.readConfig()));
    // Incidents are reconciled under a lock: only the instance that made a change reports it.
    const { live, history } = status.events;
    if (live.length === 0 && history.length === 0) return;
    const webhook = o.webhook ? await postIncidentEvents(o.webhook, status.events, status.span) : undefined;
    o.onEvent?.({ type: 'incidents', events: status.events, span: status.span, webhook });
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      evaluating = evaluating
        .then(evaluate)
        .catch((e: unknown) => o.onEvent?.({ type: 'error', message: `drift evaluation failed: ${String(e)}` }));
    }, o.evaluateDelayMs ?? 1000);
  };
  const routes = createRoutes(o, monitor, review, { afterIngest: schedule });
  const ingests = createIngestQueue();
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    if (!hostAllowed(req, host, port)) return send(res, { status: 421, type: 'text', body: 'unexpected Host header' });
    if (o.token) {
      const presented = presentedToken(req, url);
      if (!tokenMatches(presented, o.token))
        return send(res, { status: 401, type: 'text', body: 'token required: Authorization: Bearer <token> or ?token=<token>' });
      if (url.searchParams.has('token') && req.method === 'GET') {
        // Trade the token in the address bar for a cookie, so it stays out of history and logs.
        url.searchParams.delete('token');
        return send(res, {
          status: 303,
          type: 'text',
          body: '',
          headers: { location: url.pathname + url.search, 'set-cookie': tokenCookie(o.token) },
        });
      }
    }
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const match = routes.map((r) => ({ r, m: r.method === method ? r.path.exec(url.pathname) : null })).find((x) => x.m);
    if (!match?.m) return send(res, { status: routes.some((r) => r.path.test(url.pathname)) ? 405 : 404, type: 'text', body: 'not found' });
    if (method === 'POST' && !sameOriginWrite(req))
      return send(res, { status: 403, type: 'text', body: 'writes need a JSON/NDJSON body from this origin' });
    const params = match.m.slice(1).map(decodePart);
    if (params.some((p) => p === undefined))
      return send(res, { status: 400, type: 'text', body: 'bad %-escape in the address: expected %XX with two hex digits' });
    const nonce = randomBytes(16).toString('base64');
    const run = () => match.r.handler({ req, url, params: params as string[], nonce });
    const reply = url.pathname === '/api/ingest' ? await ingests.run(req, async () => run()) : await run();
    // undefined: the client left while its ingest waited; there is no one to answer.
    if (reply) send(res, reply, nonce);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof NotFound) return send(res, { status: 404, type: 'text', body: e.message });
      if (DrillError.isInstance(e)) return send(res, { status: 400, type: 'json', body: JSON.stringify({ error: e.message }) });
      o.onEvent?.({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      send(res, { status: 500, type: 'json', body: JSON.stringify({ error: 'internal error; see the server log' }) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new UsageError(`port ${o.port} on ${host} is in use; pass --port <other> (0 = any free port)`) : e),
    );
    server.listen(o.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // Incidents as the stored records show them now: records may have come from an ingest made with
  // other settings, or before this version; the pages read stored incidents.
  schedule();
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    host,
    port,
    ingestQueue: () => ingests.stats(),
    settle: async () => {
      if (timer) {
        clearTimeout(timer);
        evaluating = evaluating.then(evaluate);
      }
      await evaluating;
    },
    close: async () => {
      if (timer) clearTimeout(timer);
      await evaluating.catch(() => undefined);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

const TYPES = { html: 'text/html; charset=utf-8', json: 'application/json; charset=utf-8', text: 'text/plain; charset=utf-8' };

function send(res: ServerResponse, reply: Reply, nonce?: string): void {
  if (res.headersSent) return;
  const scripts = reply.csp === 'report' ? "'unsafe-inline'" : nonce ? `'nonce-${nonce}'` : "'none'";
  res.writeHead(reply.status, {
    'content-type': TYPES[reply.type],
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    // Nothing loads from elsewhere and nothing is sent elsewhere: stored text cannot phone home.
    'content-security-policy': `default-src 'none'; script-src ${scripts}; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    ...reply.headers,
  });
  res.end(reply.body);
}

/** A path part, or undefined for a malformed %-escape (a client's mistake, not a server error). */
function decodePart(part: string | undefined): string | undefined {
  try {
    return decodeURIComponent(part ?? '');
  } catch {
    return undefined;
  }
}
