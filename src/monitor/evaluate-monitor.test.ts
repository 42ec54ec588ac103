import { sqliteMonitorStore } from './sqlite-monitor-store.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keywordJudge } from '../../test/monitor/keyword-judge.js';
import { chatLine } from '../../test/monitor/log-lines.js';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { openSqliteFile } from '../store/index.js';
import { ackAlerts, listAlerts } from './alert-store.js';
import { evaluateMonitor } from './evaluate-monitor.js';
import { ingest } from './ingest.js';
import { DEFAULT_MONITOR_CONFIG, readMonitorConfig, writeMonitorConfig } from './monitor-config.js';
import { postAlerts } from './webhook.js';

const tmp = useTmpDir('rd-eval-');
const T0 = Date.parse('2026-03-01T00:00:00Z');

/** 30 hours of 100 records: 30% refusals, then 70% from hour 26 on. */
function hours(): string[] {
  const lines: string[] = [];
  for (let h = 0; h < 30; h++) {
    const refusals = h >= 26 ? 70 : 30;
    for (let i = 0; i < 100; i++)
      lines.push(
        chatLine({
          ts: new Date(T0 + h * 3_600_000 + i * 1000).toISOString(),
          prompt: `p${h}-${i}`,
          response: i < refusals ? "I can't help with that." : 'Sure.',
        }),
      );
  }
  return lines;
}

describe('evaluateMonitor', () => {
  it('stores each drift alert once, lists it as open until acknowledged, and posts it to a webhook', async () => {
    const store = openSqliteFile(join(tmp(), 'drill.db'));
    await ingest({ monitor: sqliteMonitorStore(store), lines: hours(), source: 's', judge: keywordJudge() });
    const config = writeMonitorConfig(store.db, { baseline: 'first:24' });
    expect(readMonitorConfig(store.db)).toEqual({ ...DEFAULT_MONITOR_CONFIG, baseline: 'first:24' });

    const first = await evaluateMonitor(sqliteMonitorStore(store), config, { recent: 6 });
    expect(first.windows.map((w) => w.start.slice(11, 13))).toEqual(['00', '01', '02', '03', '04', '05']);
    expect(first.records).toBe(3000);
    const refusalZ = first.newAlerts.filter((a) => a.metric === 'refusal' && a.test === 'two-proportion-z');
    expect(refusalZ.map((a) => a.window.slice(8, 13))).toEqual(['02T02', '02T03', '02T04', '02T05']);
    expect(refusalZ[0]).toMatchObject({ baseline: 0.3, value: 0.7, direction: 'up', n: 100, baselineN: 2400 });
    expect(first.newAlerts.some((a) => a.metric === 'compliance' && a.direction === 'down')).toBe(true);
    expect(first.newAlerts.filter((a) => a.window < '2026-03-02T02').map((a) => a.test)).toEqual([]);

    const second = await evaluateMonitor(sqliteMonitorStore(store), config);
    expect(second.newAlerts).toEqual([]);
    expect(second.alerts).toHaveLength(first.newAlerts.length);

    const received: unknown[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ type: req.headers['content-type'], body: JSON.parse(body) as unknown });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    expect(await postAlerts(url, first.newAlerts)).toEqual({ ok: true, status: 200 });
    server.close();
    expect(received).toEqual([
      { type: 'application/json', body: { source: 'refusal-drill', alerts: JSON.parse(JSON.stringify(first.newAlerts)) } },
    ]);
    expect((await postAlerts(url, first.newAlerts, { timeoutMs: 500 })).ok).toBe(false);

    expect(ackAlerts(store.db, [refusalZ[0]!.id])).toBe(1);
    expect(listAlerts(store.db).map((a) => a.id)).not.toContain(refusalZ[0]!.id);
    expect(ackAlerts(store.db, 'all')).toBe(first.newAlerts.length - 1);
    expect((await evaluateMonitor(sqliteMonitorStore(store), config)).alerts).toEqual([]);
    store.close();
  });
});
