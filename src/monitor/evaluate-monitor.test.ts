import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keywordJudge } from '../../test/monitor/keyword-judge.js';
import { chatLine } from '../../test/monitor/log-lines.js';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { openSqliteFile } from '../store/index.js';
import { evaluateMonitor } from './evaluate-monitor.js';
import type { IncidentEvent } from './incident.js';
import { ingest } from './ingest.js';
import { DEFAULT_MONITOR_CONFIG, readMonitorConfig, writeMonitorConfig } from './monitor-config.js';
import { sqliteMonitorStore } from './sqlite-monitor-store.js';
import { postIncidentEvents } from './webhook.js';

const tmp = useTmpDir('rd-eval-');
const T0 = Date.parse('2026-03-01T00:00:00Z');

/** One hour of 100 records with `refusals` refusals. */
function hour(h: number, refusals: number): string[] {
  return Array.from({ length: 100 }, (_, i) =>
    chatLine({
      ts: new Date(T0 + h * 3_600_000 + i * 1000).toISOString(),
      prompt: `p${h}-${i}`,
      response: i < refusals ? "I can't help with that." : 'Sure.',
    }),
  );
}

describe('evaluateMonitor', () => {
  it('a live feed: one incident opened when refusals step up, silent while they stay up, closed when they return', async () => {
    const store = openSqliteFile(join(tmp(), 'drill.db'));
    const monitor = sqliteMonitorStore(store);
    const config = writeMonitorConfig(store.db, { baseline: 'first:24' });
    expect(readMonitorConfig(store.db)).toEqual({ ...DEFAULT_MONITOR_CONFIG, baseline: 'first:24' });
    const live: IncidentEvent[] = [];
    // 30% refusals for a day and two hours, 70% for ten hours, then 30% again: ingested hour by hour, as serve does.
    for (let h = 0; h < 48; h++) {
      await ingest({ monitor, lines: hour(h, h >= 26 && h < 36 ? 70 : 30), source: 'feed', judge: keywordJudge() });
      const e = await evaluateMonitor(monitor, config);
      expect(e.events.history).toEqual([]);
      live.push(...e.events.live);
    }
    expect(live.map((e) => [e.kind, e.window.slice(8, 13)])).toEqual([
      ['opened', '02T02'],
      ['closed', '02T17'],
    ]);
    const [opened] = live;
    expect(opened!.incident).toMatchObject({ metric: 'refusal', direction: 'up', start: '2026-03-02T02:00:00.000Z', before: 0.3 });
    expect(opened!.incident.mirrors).toMatchObject([{ metric: 'compliance', direction: 'down' }]);

    const status = await evaluateMonitor(monitor, config, { range: { kind: 'all' } });
    expect(status.events).toEqual({ live: [], history: [] });
    expect(status.incidents).toHaveLength(1);
    expect(status.incidents[0]).toMatchObject({ status: 'closed', after: 0.7, windows: 10, end: '2026-03-02T12:00:00.000Z' });
    expect(status.incidents[0]!.detectors).toEqual(['cusum', 'two-proportion-z']);
    store.close();
  });

  it('a back-filled log is history: one summary message to the webhook, not one per event', async () => {
    const store = openSqliteFile(join(tmp(), 'drill.db'));
    const monitor = sqliteMonitorStore(store);
    const config = writeMonitorConfig(store.db, { baseline: 'first:24' });
    const lines = Array.from({ length: 60 }, (_, h) => hour(h, (h >= 26 && h < 36) || h >= 50 ? 70 : 30)).flat();
    await ingest({ monitor, lines, source: 'backfill', judge: keywordJudge() });
    const e = await evaluateMonitor(monitor, config);
    expect(e.events.live).toEqual([]);
    expect(e.events.history.map((x) => x.kind)).toEqual(['opened', 'closed', 'opened']);

    const received: Array<{ event: string; text: string; summary?: { opened: number; closed: number; open: unknown[] } }> = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body) as (typeof received)[number]);
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    expect(await postIncidentEvents(url, e.events, e.span)).toEqual({ ok: true, sent: 1, failed: 0 });
    server.close();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ event: 'incident.history', summary: { opened: 2, closed: 1 } });
    expect(received[0]!.summary!.open).toHaveLength(1);
    expect(received[0]!.text).toMatch(
      /^back-filled 60 windows, 2026-03-01 00:00 UTC to 2026-03-03 12:00 UTC: 2 incidents opened, 1 closed; still open: #2 refusal ▲ 30\.0% → 70\.0%/,
    );
    expect((await postIncidentEvents(url, e.events, e.span, { timeoutMs: 500 }))?.ok).toBe(false);

    expect(await monitor.ackIncidents([2])).toBe(1);
    expect((await monitor.listIncidents({ status: 'open' }))[0]).toMatchObject({ id: 2, acknowledged: true, status: 'open' });
    expect((await evaluateMonitor(monitor, config)).events).toEqual({ live: [], history: [] });
    store.close();
  });
});
