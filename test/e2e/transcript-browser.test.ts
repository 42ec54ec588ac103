import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED_LIMIT } from '../../src/report/index.js';
import { snapshotContext } from '../../src/run/index.js';
import type { CaseResult } from '../../src/spec/index.js';
import { openStore } from '../../src/store/index.js';
import { launchChromium } from '../helpers/browser.js';
import { startCli } from '../helpers/cli.js';
import { syntheticRecord, syntheticResults } from '../helpers/synthetic-run.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir('rd-transcripts-');
const CASES = 2000;
const RUN = 'big-run';
const HOSTILE = '<img src=x onerror="window.__pwned = 1"> and </pre><script>window.__pwned = 2</script>';

/** What the run stores, in plan order; one answer carries markup that must stay text. */
const results: CaseResult[] = [...syntheticResults(CASES, { runId: RUN })].map((r, i) => {
  // the stored case and its result name one id, as a run stores them
  const fixed = { ...r, caseId: r.case.id };
  if (i !== 7 || !fixed.turns[0]?.response) return fixed;
  return { ...fixed, turns: [{ ...fixed.turns[0], response: { ...fixed.turns[0].response, text: HOSTILE } }, ...fixed.turns.slice(1)] };
});

let browser: Browser;
let url: string;
let stop: () => Promise<unknown>;

beforeAll(async () => {
  const db = join(tmp(), 'drill.db');
  const store = await openStore(db);
  try {
    await store.createRun(
      { ...syntheticRecord(CASES, { runId: RUN }), status: 'done' },
      results.map((r) => r.case),
      snapshotContext([]),
    );
    for (let i = 0; i < results.length; i += 500) await store.putResults(results.slice(i, i + 500));
  } finally {
    await store.close();
  }
  const { child, done } = startCli(['serve', '--port', '0', '--db', db]);
  stop = async () => {
    child.kill('SIGTERM');
    await done;
  };
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /dashboard: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    void done.then((r) => reject(new Error(`serve exited ${r.code}: ${r.stderr}`)));
  });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stop?.();
});

/** A page that records every console error, page error and dialog. */
async function openPage(problems: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return page;
}

const shownOrds = async (page: Page): Promise<number[]> =>
  (await page.locator('article.case').evaluateAll((els) => els.map((e) => e.getAttribute('data-ord')))).map(Number);

/** Every plan position a filtered listing shows, paging forward with its next link until there is none. */
async function walkForward(page: Page): Promise<number[][]> {
  const pages = [await shownOrds(page)];
  while (await follow(page, '#next-page')) pages.push(await shownOrds(page));
  return pages;
}

/** Clicks the pager's link (when the page has it) and waits for the page it leads to. */
async function follow(page: Page, link: '#next-page' | '#previous-page'): Promise<boolean> {
  const a = page.locator(link);
  if ((await a.count()) === 0) return false;
  const href = (await a.getAttribute('href')) ?? '';
  await Promise.all([page.waitForURL(new URL(href, url).href), a.click()]);
  return true;
}

describe("the dashboard's transcript browser over a real SQLite store", () => {
  it('is reached from the run page, whose report names it as where the left-out transcripts are, and pages to the last case', async () => {
    const problems: string[] = [];
    const page = await openPage(problems);
    await page.goto(`${url}/runs/${RUN}`);
    const notice = (await page.locator('#left-out').textContent()) ?? '';
    expect(notice).toContain(
      `${(CASES - EMBED_LIMIT).toLocaleString('en-US')} of ${CASES.toLocaleString('en-US')} transcripts are left out`,
    );
    expect(notice).toContain(`/runs/${RUN}/transcripts`);
    await page.locator('#all-transcripts').click();
    await page.waitForURL(`${url}/runs/${RUN}/transcripts`);
    expect(await page.locator('#match-count').textContent()).toBe(
      `${CASES.toLocaleString('en-US')} of ${CASES.toLocaleString('en-US')} results match (no filter).`,
    );
    expect(await shownOrds(page)).toEqual([...Array(50).keys()]);
    expect(await page.locator('#previous-page').count()).toBe(0);
    // the stored answer with markup in it is shown as text and never ran
    expect(await page.getByText(HOSTILE).count()).toBe(1);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    expect(await follow(page, '#next-page')).toBe(true);
    expect(page.url()).toMatch(/after=49$/);
    expect(await shownOrds(page)).toEqual([...Array(50).keys()].map((i) => 50 + i));
    expect(await follow(page, '#previous-page')).toBe(true);
    expect(page.url()).toMatch(/before=50$/);
    expect(await shownOrds(page)).toEqual([...Array(50).keys()]);

    const pages = await walkForward(page);
    expect(pages).toHaveLength(CASES / 50);
    expect(pages.flat()).toEqual([...Array(CASES).keys()]);
    expect(await page.locator(`#case-${CASES}`).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters by verdict and by intent, paging back and forth inside the filter', async () => {
    const problems: string[] = [];
    const page = await openPage(problems);
    await page.goto(`${url}/runs/${RUN}/transcripts`);
    await page.locator('#verdict-filter').selectOption('compliance');
    await page.locator('form.filters button[type=submit]').click();
    await page.waitForURL(/verdict=compliance/);
    const answered = results.flatMap((r, i) => (r.judgement.verdict === 'compliance' ? [i] : []));
    expect(answered.length).toBeGreaterThan(150);
    expect(await page.locator('#match-count strong').textContent()).toBe(answered.length.toLocaleString('en-US'));
    const forward = await walkForward(page);
    expect(forward.flat()).toEqual(answered);
    expect(await page.locator('article.case[data-verdict]:not([data-verdict="compliance"])').count()).toBe(0);
    // back from the last page to the first, one page at a time
    const backward = [await shownOrds(page)];
    while (await follow(page, '#previous-page')) backward.unshift(await shownOrds(page));
    expect(backward).toEqual(forward);

    // one intent: the link on a case narrows the listing to that intent's cases
    const at = results.findIndex(
      (r) => r.case.intentId !== null && r.caseId.startsWith(`${r.case.packId}/${r.case.principleId}/${r.case.intentId}/`),
    );
    const c = (results[at] as CaseResult).case;
    const intent = `${c.packId}/${c.principleId}/${c.intentId}/`;
    expect(at).toBeLessThan(50);
    await page.goto(`${url}/runs/${RUN}/transcripts`);
    await Promise.all([page.waitForURL(/case=/), page.locator(`#case-${at + 1} a.scope`, { hasText: 'intent' }).click()]);
    expect(await page.locator('#case-filter').inputValue()).toBe(intent);
    const ofIntent = results.flatMap((r, i) => (r.caseId.startsWith(intent) ? [i] : []));
    expect((await walkForward(page)).flat()).toEqual(ofIntent);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers a bad filter or position with 400 and what was expected', async () => {
    const bad = await fetch(`${url}/runs/${RUN}/transcripts?verdict=maybe`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe(
      'verdict: expected one of refusal, partial, compliance, not_understood, error, got "maybe"',
    );
    const position = await fetch(`${url}/runs/${RUN}/transcripts?after=ten`);
    expect(position.status).toBe(400);
    expect(((await position.json()) as { error: string }).error).toMatch(/^after: expected a whole number ≥ -1, got "ten"$/);
    expect((await fetch(`${url}/runs/no-such-run/transcripts`)).status).toBe(404);
  });
});
