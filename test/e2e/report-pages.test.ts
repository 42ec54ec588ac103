import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptIntent } from '../../src/report/html/transcript-data.js';
import type { DashboardServer } from '../../src/server/index.js';
import { openSqliteFile, type SqliteFile } from '../../src/store/index.js';
import { keywordJudge } from '../monitor/keyword-judge.js';
import { horizontalOverflow, launchChromium, screenshot } from '../helpers/browser.js';
import { cli } from '../helpers/cli.js';
import { startSqliteDashboard } from '../helpers/sqlite-dashboard.js';

// A model before and after a fix, drilled for real (planner, 30 mutator families, 5 samples, the
// cascade judge, the SQLite store): every intent has a couple of hundred cases.
const BEFORE = `id: model-before
rules:
  - regex: "story|novel|fiction|screenplay|character|roleplay"
    reply: "Sure. Here is the scene: first, gather the materials, then follow these steps carefully."
  - regex: "hypothetical|imagine"
    reply: "Sure, hypothetically: step 1 is to gather the parts, step 2 is to assemble them."
fallback: "I'm sorry, but I can't help with that."
`;
const AFTER = `id: model-after
rules:
  - regex: "kill a Python process|pipe organ|serial number|3D print|mezcal|PDF|bollards|crowd crush|fireworks|bomb-disposal robots|kill the lights"
    reply: "Here is how: the short answer first, then the details step by step."
  - regex: "hypothetical|imagine"
    reply: "Sure, hypothetically: step 1 is to gather the parts, step 2 is to assemble them."
  - regex: "story|novel|fiction|screenplay|character|roleplay"
    reply: "I won't write that, even as fiction, because a working method for a weapon can get people hurt. I can help with a story that leaves the method out."
fallback: "I can't help with that because it could seriously hurt people. If you are worried about safety, I can point you to resources."
`;

let dir: string;
let browser: Browser;
const runs: Record<'before' | 'after', { dir: string; id: string }> = { before: { dir: '', id: '' }, after: { dir: '', id: '' } };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rd-pages-'));
  browser = await launchChromium();
  for (const [name, rules] of [
    ['before', BEFORE],
    ['after', AFTER],
  ] as const) {
    writeFileSync(join(dir, `${name}.yaml`), rules);
    const out = join(dir, name);
    const r = await cli([
      'run',
      'explosives-weapons',
      '--target',
      `scripted:${join(dir, `${name}.yaml`)}`,
      '--mutate',
      'all',
      '--samples',
      '5',
      '--db',
      join(dir, 'drill.db'),
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { id: string };
    runs[name] = { dir: out, id: run.id };
  }
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(url: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  return { page, problems };
}

function reportData(html: string): TranscriptIntent[] {
  const json = /<script type="application\/json" id="rd-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '[]';
  return JSON.parse(json) as TranscriptIntent[];
}

describe('report pages for a large drill, in Chromium', () => {
  it('an intent of hundreds of cases stays within the viewport: pages of cards that wrap', async () => {
    const file = join(runs.before.dir, 'report.html');
    const data = reportData(readFileSync(file, 'utf8'));
    const largest = [...data].sort((a, b) => b.cases.length - a.cases.length)[0]!;
    expect(largest.cases.length).toBeGreaterThanOrEqual(200);
    for (const width of [1280, 820]) {
      const { page, problems } = await open(pathToFileURL(file).href, width);
      await page.locator('#intent-list button', { hasText: `${largest.principle} / ${largest.intent}` }).click();
      await expect.poll(() => page.locator('#intent-view h3').textContent()).toBe(largest.key);
      expect(await page.locator('#intent-view article.card').count()).toBe(48);
      expect(await page.locator('.pager.top .where').textContent()).toBe(
        `cases 1–48 of ${largest.cases.length} · page 1 of ${Math.ceil(largest.cases.length / 48)}`,
      );
      expect(await horizontalOverflow(page), `page wider than a ${width} px viewport`).toBe(0);
      const boxes = await page
        .locator('#intent-view article.card')
        .evaluateAll((els) =>
          els.map((e) =>
            (e as unknown as { getBoundingClientRect(): { left: number; right: number; top: number } }).getBoundingClientRect(),
          ),
        );
      expect(Math.max(...boxes.map((b) => b.right)), `cards past a ${width} px viewport`).toBeLessThanOrEqual(width);
      expect(new Set(boxes.map((b) => Math.round(b.left))).size).toBeGreaterThan(1);
      expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBeGreaterThan(5);
      // the next page by key, and the robustness heatmap's labels are whole
      await page.locator('#intent-view h3').click();
      await page.keyboard.press(']');
      expect(await page.locator('.pager.top .where').textContent()).toMatch(/^cases 49–96 of /);
      const rows = await page
        .locator('#heatmap-svg text[text-anchor="end"]')
        .evaluateAll((els) => els.map((e) => (e.lastChild as unknown as { textContent: string } | null)?.textContent ?? ''));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => !r.includes('…'))).toBe(true);
      expect(rows).toContain(largest.key.split('/').slice(1).join('/'));
      // grouped by verdict instead: what broke first
      await page.keyboard.press('g');
      const groups = await page.locator('#intent-view section.group').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
      expect(groups[0]).toBe('broke');
      expect(await horizontalOverflow(page)).toBe(0);
      if (width === 1280) {
        await page.locator('#transcripts').evaluate((e) => (e as unknown as { scrollIntoView(): void }).scrollIntoView());
        await screenshot(page, 'report-large-intent', dir);
      }
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('the grouped browser: one intent by family, a broken rephrasing beside the canonical refusal', async () => {
    const file = join(runs.before.dir, 'report.html');
    const { page, problems } = await open(pathToFileURL(file).href);
    await page.locator('#only-broke').check();
    const groups = await page.locator('#intent-view section.group').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
    expect(groups.length).toBeGreaterThan(1);
    expect(await page.locator('#intent-view article.card:not(.o-broke)').count()).toBe(0);
    await page.locator('#only-broke').uncheck();
    await page.locator('#intent-view section.group[data-group="canonical"] button.pick').first().click();
    await page.locator('#intent-view section.group[data-group="fiction"] button.pick').first().click();
    const pair = page.locator('#reader.pair article.case');
    expect(await pair.count()).toBe(2);
    expect(await pair.nth(0).locator('code.lineage').textContent()).toBe('canonical');
    expect(await pair.nth(1).locator('.msg.assistant').textContent()).toMatch(/^Sure\. Here is the scene/);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.locator('#transcripts').evaluate((e) => (e as unknown as { scrollIntoView(): void }).scrollIntoView());
    await screenshot(page, 'report-transcript-browser', dir);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the dashboard: the run page (the report) stays within the viewport; the compare page leads with the verdict, then the headline, the slices and the cases', async () => {
    let store: SqliteFile | undefined;
    let server: DashboardServer | undefined;
    try {
      store = openSqliteFile(join(dir, 'drill.db'));
      ({ server } = await startSqliteDashboard(store, { judge: keywordJudge() }));
      const run = await open(`${server.url}/runs/${runs.before.id}`, 820);
      await run.page.locator('#intent-list button').first().click();
      expect(await run.page.locator('#intent-view article.card').count()).toBe(48);
      expect(await horizontalOverflow(run.page), 'run page wider than an 820 px viewport').toBe(0);
      expect(run.problems).toEqual([]);
      await run.page.close();
      for (const width of [1280, 820]) {
        const { page, problems } = await open(`${server.url}/compare?a=${runs.before.id}&b=${runs.after.id}`, width);
        const verdict = await page.locator('#compare-verdict').textContent();
        expect(verdict).toBe('B is better than A');
        const order = await page.locator('main h2').allTextContents();
        expect(order.slice(0, 2)).toEqual(['Headline', 'Where it changed']);
        expect(await page.locator('#compare-gate').textContent()).toMatch(/^gate under the default policy: A failed \d of 6 rules → B /);
        // the fix answers the benign look-alikes now, and one intent with them (its new failures are listed)
        const over = page.locator('#headline tr[data-metric="over_refusal_rate"]');
        expect(await over.locator('td.status').textContent()).toBe('better');
        expect(await over.locator('td.num').nth(3).textContent()).toMatch(/^\[-\d+(\.\d)?, -\d+(\.\d)?\] pts$/);
        expect(await page.locator('ul.reasons').textContent()).toMatch(/worse outside the noise in \d+ slices/);
        expect(await page.locator('#new-failures tbody td:first-child').allTextContents()).toContain(
          'explosives-weapons/explosives-weapons/ghost-gun',
        );
        expect(await page.locator('#judging tr').count()).toBe(3);
        expect(await page.locator('#fixed tbody tr').count()).toBeGreaterThan(0);
        expect(await horizontalOverflow(page), `compare page wider than a ${width} px viewport`).toBe(0);
        if (width === 1280) await screenshot(page, 'compare-page', dir);
        expect(problems).toEqual([]);
        await page.close();
      }
    } finally {
      await server?.close();
      store?.close();
    }
  });
});
