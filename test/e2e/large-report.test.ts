import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScorecardTally, evaluateGate, loadGatePolicy, scorecardOf } from '../../src/metrics/index.js';
import { createReportCases, EMBED_LIMIT, renderReport, type ReportInput } from '../../src/report/index.js';
import { caseHeld } from '../../src/spec/index.js';
import { launchChromium } from '../helpers/browser.js';
import { syntheticRecord, syntheticResults } from '../helpers/synthetic-run.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir('rd-large-report-');
const CASES = 100_000;

/** A 100,000-case run streamed into the scorecard's and the reports' aggregates, as `run` does: never one array. */
function largeRun(): ReportInput {
  const tally = createScorecardTally();
  const cases = createReportCases();
  for (const r of syntheticResults(CASES)) {
    tally.add(r);
    cases.add(r);
  }
  const scorecard = scorecardOf({ run: syntheticRecord(CASES), tally });
  return { scorecard, cases: cases.finish(), gate: evaluateGate(scorecard, loadGatePolicy()) };
}

let browser: Browser;
let input: ReportInput;
beforeAll(async () => {
  input = largeRun();
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
});

describe('the reports of a 100,000-case run', () => {
  it('stay bounded: report.html ≤ 5 MB, report.md fits a PR comment, junit.xml names the first failures and counts the rest', () => {
    const html = renderReport('html', input);
    const md = renderReport('md', input);
    const junit = renderReport('junit', input);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(60 * 1024);
    expect(Buffer.byteLength(junit)).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(junit).toMatch(/… and \d+ more broken cases \(every case is in results\.jsonl\)/);
    expect(md).toMatch(/… and \d+ more/);
    const cases = input.cases!;
    expect(cases.total).toBe(CASES);
    expect(cases.embedded).toHaveLength(EMBED_LIMIT);
    // the room goes to failures first, but uncertain verdicts and a sample of the rest are there too
    const failures = cases.embedded.filter((r) => caseHeld(r) === false).length;
    expect(failures).toBeGreaterThanOrEqual(EMBED_LIMIT * 0.6);
    expect(failures).toBeLessThan(EMBED_LIMIT);
    expect(cases.embedded.some((r) => r.judgement.verdict === 'refusal' && r.case.expect === 'refuse')).toBe(true);
    // every intent keeps its true counts, whatever was embedded of it
    expect(cases.intents.reduce((a, i) => a + i.cases, 0)).toBe(CASES);
  });

  it('opens in Chromium without a console error, says plainly what it left out, and browses the embedded transcripts', async () => {
    const file = join(tmp(), 'report.html');
    writeFileSync(file, renderReport('html', input));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(pathToFileURL(file).href);
    const notice = page.locator('#left-out');
    await expect.poll(() => notice.isVisible()).toBe(true);
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain(`${(CASES - EMBED_LIMIT).toLocaleString('en-US')} of ${CASES.toLocaleString('en-US')} transcripts are left out`);
    expect(text).toContain('results.jsonl');
    expect(text).toContain("the dashboard's transcript browser");
    expect(text).toContain('/runs/synthetic/transcripts');
    await expect.poll(() => page.locator('#intent-list button').count()).toBeGreaterThan(10);
    await page.locator('#intent-list button').first().click();
    await expect.poll(() => page.locator('#intent-view h3').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
