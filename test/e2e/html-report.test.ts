import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateGate, loadGatePolicy } from '../../src/metrics/gate.js';
import { buildScorecard } from '../../src/metrics/scorecard.js';
import { transcriptData } from '../../src/report/html/transcript-data.js';
import { reportCasesOf } from '../../src/report/report-cases.js';
import { renderReport } from '../../src/report/render.js';
import { HOSTILE_TEXT, hostileDrill } from '../helpers/hostile-drill.js';
import { horizontalOverflow, launchChromium } from '../helpers/browser.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir('rd-html-');

const drill = hostileDrill();
// One verdict the judge was unsure of, for the transcript browser's uncertainty view.
const unsure = drill.results.find(
  (r) => r.case.intentId === 'ransomware' && r.case.mutation !== 'canonical' && r.judgement.verdict !== 'error',
)!;
unsure.judgement = { ...unsure.judgement, confidence: 0.55 };
// A request the model could not read, and a refusal that leaked the detail anyway, for the browser's filters.
const unread = drill.results.find((r) => r.case.intentId === 'keylogger' && r.case.mutation === 'encoding/base64')!;
unread.judgement = { ...unread.judgement, verdict: 'not_understood' };
const leaky = drill.results.find((r) => r.case.intentId === 'botnet' && r.case.kind === 'variant')!;
leaky.judgement = { ...leaky.judgement, signals: { ...leaky.judgement.signals!, leak: true } };
leaky.turns = leaky.turns.map((t) => ({ ...t, judgement: leaky.judgement }));
const scorecard = buildScorecard(drill);
const input = { scorecard, results: drill.results, gate: evaluateGate(scorecard, loadGatePolicy()) };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
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

  it('the transcript browser groups an intent’s cases by family or verdict, filters them, and reads a picked pair side by side', async () => {
    const { page, problems } = await open();
    const data = transcriptData(reportCasesOf(drill.results));
    const ransomware = data.find((i) => i.intent === 'ransomware')!;
    await page.locator('#intent-list button', { hasText: 'malware / ransomware' }).click();
    await expect.poll(() => page.locator('#intent-view h3').textContent()).toBe('scripted/malware/ransomware');
    // grouped by family, the canonical prompt first; every card sits in its family's group
    const groups = await page.locator('#intent-view section.group').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
    expect(groups[0]).toBe('canonical');
    expect(new Set(groups)).toEqual(new Set(ransomware.cases.map((c) => c.family)));
    for (const g of groups) {
      const fams = await page
        .locator(`#intent-view section.group[data-group="${g}"] article.card`)
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-family')));
      expect(new Set(fams)).toEqual(new Set([g]));
    }
    expect(await page.locator('#intent-view article.card').count()).toBe(ransomware.cases.length);
    // cards wrap in rows within the page instead of one unbounded row
    const boxes = await page
      .locator('#intent-view article.card')
      .evaluateAll((els) =>
        els.map((e) => (e as unknown as { getBoundingClientRect(): { x: number; y: number; right: number } }).getBoundingClientRect()),
      );
    expect(new Set(boxes.map((b) => Math.round(b.y))).size).toBeGreaterThan(1);
    expect(Math.max(...boxes.map((b) => b.right))).toBeLessThanOrEqual(1280);
    expect(await horizontalOverflow(page)).toBe(0);

    // g groups by verdict instead, in outcome order
    await page.keyboard.press('g');
    const byVerdict = await page.locator('#intent-view section.group').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
    const order = ['broke', 'over-refused', 'not understood', 'error', 'held', 'answered'];
    expect(byVerdict).toEqual(order.filter((o) => ransomware.cases.some((c) => c.outcome === o)));
    expect(byVerdict.length).toBeGreaterThan(1);
    await page.keyboard.press('g');

    // the uncertain verdict is marked on its card
    const marked = page.locator('#intent-view article.card.uncertain');
    expect(await marked.count()).toBe(ransomware.uncertain);
    expect(await marked.first().locator('header .badge').textContent()).toBe(`${unsure.judgement.verdict} 0.55`);

    // keyboard: → moves between cards, p picks two, which the reader shows side by side; Esc closes
    await page.locator('#intent-view article.card').first().focus();
    await page.keyboard.press('p');
    expect(await page.locator('#intent-view article.card.picked').count()).toBe(1);
    await page.keyboard.press('p');
    expect(await page.locator('#intent-view article.card.picked').count()).toBe(0);
    await page.keyboard.press('p');
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() =>
      (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string } } }).document.activeElement.getAttribute(
        'data-case-id',
      ),
    );
    expect(second).toBe(await page.locator('#intent-view article.card').nth(1).getAttribute('data-case-id'));
    expect(await page.locator('#reader article.case').count()).toBe(0);
    await page.keyboard.press('p');
    const pair = page.locator('#reader.pair article.case');
    expect(await pair.count()).toBe(2);
    const [a, b] = [await pair.nth(0).boundingBox(), await pair.nth(1).boundingBox()];
    expect(b?.y).toBe(a?.y);
    expect(b?.x ?? 0).toBeGreaterThan((a?.x ?? 0) + (a?.width ?? 0) - 1);
    expect(await pair.nth(1).getAttribute('data-case-id')).toBe(second);
    await page.keyboard.press('Escape');
    expect(await page.locator('#reader article.case').count()).toBe(0);

    // filters: each shows only the cases that match it, and the intents that have one
    const expectFilter = async (flag: string, key: string): Promise<void> => {
      await page.keyboard.press(key);
      const intents = data.filter((i) => i.cases.some((c) => c.flags.includes(flag as never)));
      expect(intents.length, flag).toBeGreaterThan(0);
      expect(await page.locator('#intent-list button').count(), flag).toBe(intents.length);
      const flags = await page
        .locator('#intent-view article.card')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-flags') ?? ''));
      expect(flags.length, flag).toBeGreaterThan(0);
      expect(
        flags.every((f) => f.split(' ').includes(flag)),
        flag,
      ).toBe(true);
      await page.keyboard.press(key);
    };
    await page.locator('#intent-view h3').click();
    await expectFilter('broke', '1');
    await expectFilter('leaked', '2');
    await expectFilter('over-refused', '3');
    await expectFilter('uncertain', '4');
    await expectFilter('not-understood', '5');

    // j moves to the next intent; model output is text, never markup
    await page.locator('#intent-list button', { hasText: 'weapons / pipe-bomb' }).click();
    await page.locator('#intent-view article.card.o-broke').first().click();
    expect(await page.locator('#reader .msg.assistant').allTextContents()).toContain(HOSTILE_TEXT);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    const before = await page.locator('#intent-view h3').textContent();
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('#intent-view h3').textContent()).not.toBe(before);

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
});
