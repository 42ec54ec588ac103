import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { keywordJudge } from '../../test/monitor/keyword-judge.js';
import { chatLine } from '../../test/monitor/log-lines.js';
import { startSqliteDashboard } from '../../test/helpers/sqlite-dashboard.js';
import { openSqliteFile, type SqliteFile } from '../store/index.js';
import type { DashboardServer } from './dashboard-server.js';

const tmp = useTmpDir('rd-ingest-queue-');
const open: Array<{ server: DashboardServer; store: SqliteFile }> = [];
afterEach(async () => {
  for (const { server, store } of open.splice(0)) {
    await server.close();
    store.close();
  }
});

const line = (i: number) => `${chatLine({ ts: '2026-01-01T00:00:00Z', prompt: `question ${i}`, response: 'fine' })}\n`;

/** A POST to /api/ingest from a real client that sends its body in pieces, or gives up. */
function post(server: DashboardServer, source: string): { req: ClientRequest; response: Promise<{ status: number; body: string }> } {
  const req = request({
    host: '127.0.0.1',
    port: server.port,
    path: `/api/ingest?source=${source}`,
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', 'transfer-encoding': 'chunked' },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res: IncomingMessage) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
  return { req, response };
}

describe('the live ingest queue', () => {
  it('a queued ingest whose client disconnects while it waits does not wedge the ingests after it', async () => {
    const store = openSqliteFile(join(tmp(), 'drill.db'));
    const { server } = await startSqliteDashboard(store, { judge: keywordJudge(), evaluateDelayMs: 10 });
    open.push({ server, store });

    // A holds the ingest turn: headers and one line sent, the body not finished.
    const a = post(server, 'a');
    a.req.write(line(1));
    await expect.poll(() => server.ingestQueue()).toEqual({ running: 1, waiting: 0 });

    // B queues behind A, then its client gives up before its body ends (a log shipper's short timeout).
    const b = post(server, 'b');
    b.response.catch(() => undefined);
    b.req.write(line(2) + line(3));
    await expect.poll(() => server.ingestQueue()).toEqual({ running: 1, waiting: 1 });
    b.req.destroy();
    // The server has seen B's client leave before B's turn comes: the case that used to hang.
    await expect.poll(() => server.ingestQueue()).toEqual({ running: 1, waiting: 0 });

    a.req.end(line(4));
    const ra = await a.response;
    expect(ra.status).toBe(200);
    expect(JSON.parse(ra.body)).toMatchObject({ source: 'a', inserted: 2 });

    // B's turn came with its client gone: skipped, nothing of it stored, the queue free again.
    await expect.poll(() => server.ingestQueue()).toEqual({ running: 0, waiting: 0 });
    const c = post(server, 'c');
    c.req.end(line(5));
    const rc = await c.response;
    expect(rc.status).toBe(200);
    expect(JSON.parse(rc.body)).toMatchObject({ source: 'c', inserted: 1 });
    expect(store.db.prepare('SELECT source, COUNT(*) AS n FROM monitor_records GROUP BY source ORDER BY source').all()).toEqual([
      { source: 'a', n: 2 },
      { source: 'c', n: 1 },
    ]);
  });

  it('an ingest whose client disconnects halfway through its body ends, and the next one runs', async () => {
    const store = openSqliteFile(join(tmp(), 'drill.db'));
    const { server } = await startSqliteDashboard(store, { judge: keywordJudge(), evaluateDelayMs: 10 });
    open.push({ server, store });
    const a = post(server, 'a');
    a.response.catch(() => undefined);
    a.req.write(line(1));
    await expect.poll(() => server.ingestQueue()).toEqual({ running: 1, waiting: 0 });
    a.req.destroy();
    await expect.poll(() => server.ingestQueue()).toEqual({ running: 0, waiting: 0 });
    const c = post(server, 'c');
    c.req.end(line(2));
    expect(JSON.parse((await c.response).body)).toMatchObject({ inserted: 1 });
  });
});
