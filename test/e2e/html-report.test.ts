import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateGate, loadGatePolicy } from '../../src/metrics/gate.js';
import { buildScorecard } from '../../src/metrics/scorecard.js';
import { transcriptData } from '../../src/report/html/transcript-data.js';
import { renderReport } from '../../src/report/render.js';
import { HOSTILE_TEXT, hostileDrill } from '../helpers/hostile-drill.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const CHROMIUM = '/usr/bin/chromium';
const tmp = useTmpDir('rd-html-');

const drill = hostileDrill();
// One verdict the judge was unsure of, for the transcript browser's uncertainty view.
const unsure = drill.results.find(
  (r) => r.case.intentId === 'ransomware' && r.case.mutation !== 'canonical' && r.judgement.verdict !== 'error',
)!;
unsure.judgement = { ...unsure.judgement, confidence: 0.55 };
const scorecard = buildScorecard(drill);
const input = { scorecard, results: drill.results, gate: evaluateGate(scorecard, loadGatePolicy()) };

let browser: Browser;
beforeAll(async () => {
  // CI installs Chromium; a missing browser must fail the suite, not skip it.
  expect(existsSync(CHROMIUM), `${CHROMIUM} is required for the HTML report tests`).toBe(true);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  problems: string[];
  requests: string[];
}

async function open(): Promise<Opened> {
  const file = join(tmp(), 'report.html');
  writeFileSync(file, renderReport('html', input));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  return { page, problems, requests };
}

describe('HTML report in headless Chromium', () => {
  it('loads with no console errors, fetches nothing, and runs none of the injected markup', async () => {
    const { page, problems, requests } = await open();
    expect(problems).toEqual([]);
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    expect(requests).toHaveLength(1);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#gate tr.fail').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('draws the charts from the data', async () => {
    const { page } = await open();
    const rob = scorecard.metrics.robustness.detail;
    expect(await page.locator('#heatmap-svg rect.cell').count()).toBe(rob?.cells.length);
    const rates = await page.locator('#heatmap-svg rect.cell').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rate'))));
    expect(rates.some((r) => r < 1)).toBe(true);
    expect(rates.some((r) => r === 1)).toBe(true);
    const curve = scorecard.metrics.multiturn_survival.detail?.curve ?? [];
    expect(await page.locator('#survival-svg circle.point').count()).toBe(curve.length);
    expect(await page.locator('#survival-svg path.line').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+( H[\d.]+ V[\d.]+)+$/);
    expect(await page.locator('#latency-svg rect.bar').count()).toBe(6);
    expect(await page.locator('#tradeoff-svg circle.point').count()).toBe(
      Object.values(scorecard.byPrinciple).filter((s) => s.metrics.hold_rate.value !== null).length,
    );
    expect(await page.locator('#templates-svg rect.bar').count()).toBe(
      Math.min(10, scorecard.metrics.script_index.detail?.top.length ?? 0),
    );
    for (const id of ['#heatmap-svg', '#survival-svg', '#latency-svg', '#tradeoff-svg', '#templates-svg']) {
      const box = await page.locator(id).boundingBox();
      expect(box?.width, id).toBeGreaterThan(100);
      expect(box?.height, id).toBeGreaterThan(50);
    }
    await page.close();
  });

  it('the transcript browser puts one intent’s rephrasings side by side, with model output as text', async () => {
    const { page, problems } = await open();
    const intent = drill.results.filter((r) => r.case.intentId === 'ransomware');
    await page.locator('#intent-list button', { hasText: 'malware / ransomware' }).click();
    await expect.poll(() => page.locator('#intent-view h3').textContent()).toBe('scripted/malware/ransomware');
    const columns = page.locator('#intent-view article.case');
    expect(await columns.count()).toBe(intent.length);
    const [first, second] = [await columns.nth(0).boundingBox(), await columns.nth(1).boundingBox()];
    expect(second?.y).toBe(first?.y);
    expect(second?.x ?? 0).toBeGreaterThan((first?.x ?? 0) + (first?.width ?? 0) - 1);
    expect(await columns.nth(0).locator('code.lineage').textContent()).toBe('canonical');

    await page.locator('#intent-list button', { hasText: 'weapons / pipe-bomb' }).click();
    const texts = await page.locator('#intent-view .msg.assistant').allTextContents();
    expect(texts).toContain(HOSTILE_TEXT);
    expect(await page.locator('#intent-view article.case.broke').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();

    await page.locator('#intent-filter').fill('ransom');
    expect(await page.locator('#intent-list button').count()).toBe(1);
    await page.locator('#intent-filter').fill('');
    await page.locator('#only-failing').check();
    expect(await page.locator('#intent-list button').count()).toBeGreaterThan(0);
    expect(await page.locator('#intent-list button:not(.failing)').count()).toBe(0);
    await page.locator('#only-failing').uncheck();

    // Verdicts below the cascade band are marked, and can be listed alone.
    await page.locator('#only-uncertain').check();
    const withUncertain = transcriptData(drill.results).filter((i) => i.uncertain > 0);
    expect(withUncertain.length).toBeGreaterThan(0);
    expect(await page.locator('#intent-list button').count()).toBe(withUncertain.length);
    await page.locator('#intent-list button', { hasText: 'malware / ransomware' }).click();
    const marked = page.locator('#intent-view article.case.uncertain');
    expect(await marked.count()).toBe(withUncertain.find((i) => i.intent === 'ransomware')!.uncertain);
    expect(await marked.first().locator('.badge').allTextContents()).toEqual([`${unsure.judgement.verdict} 0.55`, 'uncertain']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the JUnit report parses as XML and holds one test per intent and gate rule', async () => {
    const { page } = await open();
    const xml = renderReport('junit', input);
    const parsed = await page.evaluate((text) => {
      // The page's DOM types are not in this project's lib (Node only): describe what is used.
      interface El {
        getAttribute(name: string): string | null;
      }
      interface Doc {
        getElementsByTagName(tag: string): ArrayLike<El> & Iterable<El>;
      }
      const Parser = (globalThis as unknown as { DOMParser: new () => { parseFromString(t: string, type: string): Doc } }).DOMParser;
      const doc = new Parser().parseFromString(text, 'application/xml');
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        tests: doc.getElementsByTagName('testcase').length,
        forged: [...doc.getElementsByTagName('testcase')].filter((t) => t.getAttribute('name') === 'forged').length,
      };
    }, xml);
    const intents = new Set(drill.results.map((r) => `${r.case.packId}/${r.case.principleId}/${r.case.intentId ?? '(twins)'}`)).size;
    expect(parsed).toEqual({ errors: 0, tests: intents + input.gate.rules.length, forged: 0 });
    await page.close();
  });

  it('screenshot: a non-empty PNG', async () => {
    const { page } = await open();
    const file = join(tmp(), 'report.png');
    await page.screenshot({ path: file });
    const png = readFileSync(file);
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(statSync(file).size).toBeGreaterThan(20_000);
    await page.close();
  });
});
