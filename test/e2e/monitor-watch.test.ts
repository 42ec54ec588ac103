import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateMonitor, ingest, postIncidentEvents, sqliteMonitorStore } from '../../src/monitor/index.js';
import { SERIES_COLORS } from '../../src/server/monitor-page.js';
import { openSqliteFile } from '../../src/store/index.js';
import { launchChromium } from '../helpers/browser.js';
import { startSqliteDashboard } from '../helpers/sqlite-dashboard.js';
import { useTmpDir } from '../helpers/tmp-dir.js';
import { keywordJudge } from '../monitor/keyword-judge.js';
import { productionLog } from '../monitor/production-log.js';

const tmp = useTmpDir('rd-e2e-watch-');
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Screenshots go to docs/img when UPDATE_SCREENSHOTS=1 (to commit them), else to the test's temp dir. */
function shotDir(): string {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return tmp();
  const dir = join(import.meta.dirname, '..', '..', 'docs', 'img');
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function launch(): Promise<Browser> {
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  return browser;
}

function webhook(): Promise<{
  url: string;
  bodies: Array<{ event: string; text: string; summary?: { opened: number; open: unknown[] } }>;
}> {
  const bodies: Array<{ event: string; text: string }> = [];
  const server: Server = createServer((req, res) => {
    let b = '';
    req.on('data', (c: Buffer) => (b += c.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(b) as { event: string; text: string });
      res.end();
    });
  });
  cleanups.push(() => new Promise((r) => server.close(r)));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, bodies })),
  );
}

/** What the page-side callbacks use of the browser (the test compiles without the DOM types). */
interface BrowserGlobals {
  getComputedStyle(el: unknown): { lineHeight: string; fontSize: string; paddingTop: string; paddingBottom: string };
  document: { activeElement: { id: string } | null };
}

/** Every element matched renders on one line: its height is under one and a half of its line height. */
async function singleLine(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) =>
    els
      .filter((el) => {
        const s = (globalThis as unknown as BrowserGlobals).getComputedStyle(el);
        const line = Number.parseFloat(s.lineHeight) || Number.parseFloat(s.fontSize) * 1.45;
        const inner = el.getBoundingClientRect().height - Number.parseFloat(s.paddingTop) - Number.parseFloat(s.paddingBottom);
        return inner > line * 1.5;
      })
      .map((el) => el.textContent ?? ''),
  );
}

describe('production watch, end to end: the issue’s four days of logs', () => {
  it('one incident for the step (not dozens), every leak queued, and a dashboard that shows the baseline before the change', async () => {
    const log = productionLog();
    const store = openSqliteFile(join(tmp(), 'drill.db'));
    cleanups.push(() => store.close());
    const monitor = sqliteMonitorStore(store);
    const report = await ingest({ monitor, lines: log.lines, source: 'gateway.jsonl', judge: keywordJudge() });
    expect(report).toMatchObject({ lines: 5000, inserted: 5000, malformed: 0 });

    const hook = await webhook();
    const config = await monitor.readConfig();
    const evaluation = await evaluateMonitor(monitor, config);
    const sent = await postIncidentEvents(hook.url, evaluation.events, evaluation.span);
    // A first ingest of four days is history: one message, not a batch of its past.
    expect(sent).toEqual({ ok: true, sent: 1, failed: 0 });
    expect(hook.bodies).toHaveLength(1);
    expect(hook.bodies[0]).toMatchObject({ event: 'incident.history', summary: { opened: 1 } });
    expect(hook.bodies[0]!.text).toMatch(/1 incident opened, 0 closed; still open: #1 refusal ▲ 9\.\d% → 2\d\.\d%/);
    const incidents = await monitor.listIncidents({ status: 'all' });
    expect(incidents).toHaveLength(1);
    const [step] = incidents;
    expect(step).toMatchObject({
      metric: 'refusal',
      direction: 'up',
      status: 'open',
      mirrors: [{ metric: 'compliance', direction: 'down' }],
    });
    expect(Math.abs(Date.parse(step!.start) - Date.parse(log.stepAt))).toBeLessThanOrEqual(3 * 3_600_000);
    expect(step!.afterCi[0]).toBeGreaterThan(step!.before);
    // Evaluating again (as serve does after every ingest) announces nothing new.
    expect((await evaluateMonitor(monitor, config)).events).toEqual({ live: [], history: [] });
    expect(evaluation.leaks).toBe(13);

    const { server } = await startSqliteDashboard(store, { judge: keywordJudge() });
    cleanups.push(() => server.close());
    const browser = await launch();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    const shots = shotDir();

    await page.goto(`${server.url}/monitor`);
    expect(await page.locator('#open-incidents').textContent()).toBe('1');
    expect(await page.locator('#leaks').textContent()).toBe('13');
    // The default range starts well before the incident: its step is drawn against the baseline.
    expect(await page.locator('#range').inputValue()).toBe('auto');
    expect(await page.locator('#range-why').textContent()).toMatch(/windows before incident #1 began/);
    const chart = page.locator('svg.chart[data-title="refusal rate"]');
    const dots = chart.locator('path.series[data-series="refusal"] ~ circle');
    expect(await dots.count()).toBeGreaterThanOrEqual(60);
    expect(await chart.locator('polygon.baseline-band[data-series="refusal"]').count()).toBeGreaterThan(0);
    expect(await chart.locator('line.baseline[data-series="refusal"]').count()).toBe(1);
    const mark = chart.locator('g.incident-mark[data-incident="1"]');
    expect(await mark.count()).toBe(1);
    const box = (await chart.boundingBox())!;
    const start = (await mark.locator('circle.incident-start').boundingBox())!;
    // At least a third of the chart lies before the change.
    expect(start.x - box.x).toBeGreaterThan(box.width / 3);
    expect(await chart.locator('path.series').getAttribute('stroke')).toBe(SERIES_COLORS.refusal);
    expect(SERIES_COLORS.refusal).not.toBe('#15803d');
    // Labels never wrap: table headers, cards, and chart axis labels that do not run into each other.
    expect(await singleLine(page, 'th, .card .muted, nav a')).toEqual([]);
    const labels = await chart
      .locator('text.x-label')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right]));
    for (let i = 1; i < labels.length; i++) expect(labels[i]![0]).toBeGreaterThan(labels[i - 1]![1]);
    await page.screenshot({ path: join(shots, 'monitor-incident.png'), clip: { x: 0, y: 0, width: 1280, height: 900 } });

    // A narrower range shows less; the incident is still on its line.
    await page.selectOption('#range', '24h');
    await page.waitForURL(/range=24h/);
    expect(await page.locator('svg.chart[data-title="refusal rate"] path.series[data-series="refusal"] ~ circle').count()).toBe(24);

    await page.goto(`${server.url}/review`);
    const items = page.locator('article.item');
    expect(await items.count()).toBe(25);
    // Every leak is in the queue, first, whatever its verdict.
    const leakCards = page.locator('article.item:has(.badge.leak)');
    expect(await leakCards.count()).toBe(13);
    expect(await page.locator('#page-position').first().textContent()).toMatch(/^items 1–25 of \d+ pending$/);
    await page.screenshot({ path: join(shots, 'review-queue.png'), clip: { x: 0, y: 0, width: 1280, height: 900 } });

    // Nothing is saved before the reviewer says who they are; then every label carries the name.
    await page.keyboard.press('r');
    await page.keyboard.press('c');
    await page.keyboard.press('Enter');
    await expect.poll(() => items.nth(0).locator('.status').textContent()).toBe('set your name first (press i)');
    // The name field has the keyboard already.
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.activeElement?.id)).toBe('reviewer');
    await page.keyboard.type('ana');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => items.nth(0).locator('.status').textContent()).toBe('saved');
    expect(store.db.prepare('SELECT reviewer, should, judge_correct FROM review_labels').all()).toEqual([
      { reviewer: 'ana', should: 'refuse', judge_correct: 1 },
    ]);

    // Saving moved on to the second item. j past the last item opens the next page; k before the first goes back
    // to the last item of the previous one.
    await expect.poll(() => items.nth(1).getAttribute('class')).toContain('current');
    for (let i = 0; i < 23; i++) await page.keyboard.press('j');
    await expect.poll(() => items.nth(24).getAttribute('class')).toContain('current');
    await Promise.all([page.waitForURL(/after=/), page.keyboard.press('j')]);
    await expect.poll(() => page.locator('article.item').first().getAttribute('class')).toContain('current');
    expect(await page.locator('#position').textContent()).toMatch(/^25 of \d+$/);
    expect(await page.locator('#reviewer').inputValue()).toBe('ana');
    await page.keyboard.press('i');
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.activeElement?.id)).toBe('reviewer');
    await page.keyboard.press('Escape');
    expect(await page.locator('#reviewer').inputValue()).toBe('ana');
    await Promise.all([page.waitForURL(/before=.*focus=last/), page.keyboard.press('k')]);
    // The pending view: the one labelled item is no longer there.
    await expect.poll(() => page.locator('article.item').last().getAttribute('class')).toContain('current');
    expect(await page.locator('article.item').count()).toBe(24);
    expect(problems).toEqual([]);
  }, 120_000);
});
