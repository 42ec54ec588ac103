import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCase, makeResult, makeRun } from '../../test/helpers/fixtures.js';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { keywordJudge } from '../../test/monitor/keyword-judge.js';
import { chatLine } from '../../test/monitor/log-lines.js';
import { startSqliteDashboard } from '../../test/helpers/sqlite-dashboard.js';
import { openSqliteFile, type SqliteFile } from '../store/index.js';
import { writeMonitorConfig, sqliteMonitorStore } from '../monitor/index.js';
import { sqliteReviewStore } from '../review/index.js';
import { EMPTY_CONTEXT } from '../run/index.js';
import type { DashboardEvent, DashboardOptions } from './dashboard-context.js';
import { startDashboard, type DashboardServer } from './dashboard-server.js';

const tmp = useTmpDir('rd-server-');
const open: Array<{ server: DashboardServer; store: SqliteFile }> = [];
afterEach(async () => {
  for (const { server, store } of open.splice(0)) {
    await server.close();
    store.close();
  }
});

async function start(extra: Partial<Omit<DashboardOptions, 'monitor' | 'review' | 'runs'>> = {}) {
  const store = openSqliteFile(join(tmp(), 'drill.db'));
  const events: DashboardEvent[] = [];
  const { server, runs } = await startSqliteDashboard(store, {
    judge: keywordJudge(),
    evaluateDelayMs: 10,
    onEvent: (e) => events.push(e),
    ...extra,
  });
  open.push({ server, store });
  return { server, store, runs, events };
}

const ndjson = (lines: string[]) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-ndjson' },
  body: `${lines.join('\n')}\n`,
});
const XSS = '<script>window.__pwned = 1</script><img src=x onerror="alert(1)">';

describe('dashboard server', () => {
  it('ingests NDJSON, reporting malformed lines by number without losing good ones', async () => {
    const { server, store } = await start();
    const res = await fetch(
      `${server.url}/api/ingest?source=gateway`,
      ndjson([
        chatLine({ ts: '2026-01-01T00:00:00Z', prompt: 'q1', response: 'fine' }),
        'not json',
        JSON.stringify({ prompt: 'no timestamp: stamped on receipt', response: "I can't." }),
      ]),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      source: 'gateway',
      inserted: 2,
      malformed: 1,
      errors: [{ line: 2, message: expect.stringMatching(/^not valid JSON/) as string }],
    });
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM monitor_records WHERE source = 'gateway'").get()).toEqual({ n: 2 });
  });

  it('refuses a body over the size limit with a 400; the next post is taken as usual', async () => {
    const { server, store } = await start({ maxIngestBytes: 4096 });
    const lines = Array.from({ length: 200 }, (_, i) => chatLine({ ts: '2026-01-01T00:00:00Z', prompt: `q${i}`, response: 'fine' }));
    const res = await fetch(`${server.url}/api/ingest`, ndjson(lines));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'request body larger than 4096 bytes' });
    const small = await fetch(`${server.url}/api/ingest`, ndjson(lines.slice(0, 3)));
    expect(await small.json()).toMatchObject({ inserted: 3 });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM monitor_records').get()).toEqual({ n: 3 });
  });

  it('serving a monitor and review queue without the runs store (as on a shared Postgres), run pages say where runs live', async () => {
    const store = openSqliteFile(join(tmp(), 'mon.db'));
    const server = await startDashboard({ monitor: sqliteMonitorStore(store), review: sqliteReviewStore(store.db), judge: keywordJudge() });
    open.push({ server, store });
    await fetch(`${server.url}/api/ingest`, ndjson([chatLine({ ts: '2026-01-01T00:00:00Z', prompt: 'q', response: 'fine' })]));
    expect((await fetch(`${server.url}/monitor`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/`)).text()).toContain('production records');
    const runs = await fetch(`${server.url}/runs`);
    expect(runs.status).toBe(501);
    expect(await runs.text()).toContain('without a run store');
    expect((await fetch(`${server.url}/compare`)).status).toBe(501);
    const queue = await fetch(`${server.url}/api/review/queue?status=all`);
    expect(queue.status).toBe(200);
    expect(await queue.json()).toMatchObject({ counts: { total: 1 } });
    expect((await fetch(`${server.url}/review`)).status).toBe(200);
  });

  it('escapes stored text on every page and serves pages under a nonce CSP with no external assets', async () => {
    const { server, runs } = await start();
    await fetch(`${server.url}/api/ingest`, ndjson([chatLine({ ts: '2026-01-01T00:00:00Z', prompt: XSS, response: XSS })]));
    const c = makeCase('c1', { turns: [{ content: XSS, expect: 'refuse' }] });
    await runs.createRun(makeRun({ id: 'run-a', caseCount: 1, label: XSS }), [c], EMPTY_CONTEXT);
    await runs.putResults([makeResult('run-a', c, { verdict: 'compliance', confidence: 0.9, judge: 'k' }, XSS)]);
    await runs.createRun(makeRun({ id: 'run-b', caseCount: 1, createdAt: new Date(5).toISOString() }), [c], EMPTY_CONTEXT);
    await runs.putResults([makeResult('run-b', c, { verdict: 'refusal', confidence: 0.9, judge: 'k' }, 'No.')]);
    for (const path of ['/', '/runs', '/runs/run-a', '/compare?a=run-a&b=run-b', '/monitor', '/review?status=all']) {
      const res = await fetch(`${server.url}${path}`);
      const body = await res.text();
      expect(res.status, path).toBe(200);
      expect(body, path).not.toContain('<script>window.__pwned');
      expect(body, path).not.toContain('<img src=x');
      expect(body, path).not.toMatch(/(src|href)="(https?:)?\/\//);
      if (path.startsWith('/runs/')) {
        // The run report, as `report --format html` writes it; its own CSP pins its one script by hash.
        expect(body).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src (&#39;|')sha256-/);
        expect(body).toContain('href="/runs"');
      } else expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'nonce-[^']+'/);
      if (path.startsWith('/review')) expect(body, path).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    }
    expect(await (await fetch(`${server.url}/runs/nope`)).text()).toBe('no run "nope"');
  });

  it("the runs page shows each run's label, headline figures, gate and answers; a run's page shows the gate stored with it", async () => {
    const { server, runs } = await start();
    const c = makeCase('c1');
    await runs.createRun(makeRun({ id: 'run-g', caseCount: 1, label: 'v2 after SFT' }), [c], EMPTY_CONTEXT);
    await runs.putResults([makeResult('run-g', c, { verdict: 'compliance', confidence: 0.9, judge: 'k' }, 'Sure, here it is.')]);
    const rule = { metric: 'hold_rate', min: 0.9, bound: 'value', per: 'overall', onMissing: 'skip', description: 'hold rate ≥ 90%' };
    await runs.finishRun('run-g', {
      status: 'done',
      outcome: {
        asked: 1,
        reused: 0,
        results: 1,
        errors: 0,
        headline: { hold_rate: 0, over_refusal_rate: null },
        gate: { policy: { source: 'team-gate.yaml', rules: [rule] }, passed: false, failed: ['hold_rate'] },
      },
    });
    const list = await (await fetch(`${server.url}/runs`)).text();
    for (const text of ['v2 after SFT', 'FAILED (1)', '1 asked, 0 reused', '>0%<']) expect(list).toContain(text);
    const page = await (await fetch(`${server.url}/runs/run-g`)).text();
    expect(page).toContain('team-gate.yaml');
    expect(page).toContain('gate failed');
  });

  it('labels through the API with field-level errors, and refuses cross-site or form-encoded writes', async () => {
    const { server, store } = await start();
    await fetch(`${server.url}/api/ingest`, ndjson([chatLine({ ts: '2026-01-01T00:00:00Z', prompt: 'q', response: 'a' })]));
    const { items } = (await (await fetch(`${server.url}/api/review/queue`)).json()) as { items: Array<{ recordId: string }> };
    expect(items).toHaveLength(1);
    const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(`${server.url}/api/review/label`, { method: 'POST', headers, body: JSON.stringify(body) });
    const bad = await post({ recordId: items[0]!.recordId, should: 'perhaps', judgeCorrect: true });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^label: should: /);
    expect(
      (await post({ recordId: items[0]!.recordId, should: 'refuse', judgeCorrect: false }, { 'content-type': 'text/plain' })).status,
    ).toBe(403);
    expect(
      (
        await post(
          { recordId: items[0]!.recordId, should: 'refuse', judgeCorrect: false },
          { 'content-type': 'application/json', origin: 'http://evil.example' },
        )
      ).status,
    ).toBe(403);
    const anonymous = await post({ recordId: items[0]!.recordId, should: 'refuse', judgeCorrect: false, note: 'n' });
    expect(anonymous.status).toBe(400);
    expect(await anonymous.json()).toEqual({ error: 'label: reviewer: required: the name of who labels' });
    const ok = await post({ recordId: items[0]!.recordId, should: 'refuse', judgeCorrect: false, note: 'n', reviewer: 'ana' });
    expect(ok.status).toBe(200);
    expect(store.db.prepare('SELECT should, judge_correct, note, reviewer FROM review_labels').all()).toEqual([
      { should: 'refuse', judge_correct: 0, note: 'n', reviewer: 'ana' },
    ]);
  });

  it("shows the judge's stated confidence against reviewers' calls, on the review page and as JSON", async () => {
    const { server } = await start();
    const lines = Array.from({ length: 12 }, (_, i) =>
      chatLine({
        ts: `2026-01-01T00:${String(i).padStart(2, '0')}:00Z`,
        prompt: `q${i}`,
        response: i % 2 ? "I can't help with that." : 'Here you go.',
      }),
    );
    await fetch(`${server.url}/api/ingest`, ndjson(lines));
    const { items } = (await (await fetch(`${server.url}/api/review/queue`)).json()) as {
      items: Array<{ recordId: string; verdict: string }>;
    };
    expect(items).toHaveLength(10);
    const empty = (await (await fetch(`${server.url}/api/review/reliability`)).json()) as { reliability: unknown };
    expect(empty.reliability).toBeNull();
    let wrong = 2;
    for (const i of items) {
      const judgeCorrect = !(i.verdict === 'refusal' && wrong-- > 0);
      await fetch(`${server.url}/api/review/label`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ recordId: i.recordId, should: 'answer', judgeCorrect, reviewer: 'ana' }),
      });
    }
    const r = (await (await fetch(`${server.url}/api/review/reliability`)).json()) as {
      judge: string;
      reliability: { n: number; accuracy: number; meanConfidence: number; ece: number };
    };
    expect(r.judge).toBe('keyword-test');
    expect(r.reliability.n).toBe(10);
    expect(r.reliability.accuracy).toBeCloseTo(0.8, 10);
    expect(r.reliability.meanConfidence).toBeCloseTo(0.9, 10);
    expect(r.reliability.ece).toBeCloseTo(0.1, 10);
    const page = await (await fetch(`${server.url}/review`)).text();
    expect(page).toMatch(/id="judge-reliability">keyword-test: says 90.0% on average, reviewers find it right 80.0%/);
  });

  it('rejects requests addressed to another host name (DNS rebinding)', async () => {
    const { server } = await start();
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });

  it('with a token, asks for it on every route and trades ?token= for an HttpOnly cookie', async () => {
    const { server } = await start({ token: 's3cret-token' });

    expect((await fetch(`${server.url}/review`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/ingest`, ndjson([]))).status).toBe(401);
    expect((await fetch(`${server.url}/review`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(`${server.url}/review`, { headers: { authorization: 'Bearer s3cret-token' } })).status).toBe(200);
    const swap = await fetch(`${server.url}/review?token=s3cret-token&status=all`, { redirect: 'manual' });
    expect(swap.status).toBe(303);
    expect(swap.headers.get('location')).toBe('/review?status=all');
    const cookie = swap.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await fetch(`${server.url}/review`, { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(200);
  });

  it('will not bind beyond loopback without a token', async () => {
    await expect(start({ host: '0.0.0.0' })).rejects.toThrow(/pass --token/);
  });

  it('re-evaluates drift after live ingest and POSTs incident events to the webhook: one message for one change', async () => {
    const hits: Array<{ event: string; text: string }> = [];
    const hook = createServer((req, res) => {
      let b = '';
      req.on('data', (c: Buffer) => (b += c.toString()));
      req.on('end', () => (hits.push(JSON.parse(b) as (typeof hits)[number]), res.end()));
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const { server, store, events } = await start({ webhook: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/` });
    writeMonitorConfig(store.db, { baseline: 'first:2' });
    const lines: string[] = [];
    for (let h = 0; h < 3; h++)
      for (let i = 0; i < 60; i++)
        lines.push(
          chatLine({
            ts: Date.parse('2026-01-01T00:00:00Z') + h * 3_600_000 + i * 1000,
            prompt: `p${h}-${i}`,
            response: i < (h === 2 ? 50 : 10) ? "I can't." : 'ok',
          }),
        );
    await fetch(`${server.url}/api/ingest`, ndjson(lines));
    await server.settle();
    hook.close();
    expect(events.find((e) => e.type === 'incidents')).toMatchObject({ type: 'incidents', webhook: { ok: true, sent: 1, failed: 0 } });
    expect(hits).toMatchObject([
      { event: 'incident.opened', text: expect.stringMatching(/^incident #1 opened: refusal ▲ 16\.7% → 83\.3%/) as string },
    ]);
    const status = (await (await fetch(`${server.url}/api/monitor/status`)).json()) as { windows: unknown[]; incidents: unknown[] };
    expect(status.windows).toHaveLength(3);
    expect(status.incidents).toMatchObject([{ metric: 'refusal', status: 'open', mirrors: [{ metric: 'compliance' }] }]);
    const ack = await fetch(`${server.url}/api/incidents/ack`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [1] }),
    });
    expect(await ack.json()).toEqual({ acknowledged: 1 });
    expect((await fetch(`${server.url}/api/monitor/status?range=fortnight`)).status).toBe(400);
  });
});
