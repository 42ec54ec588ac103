import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Interval } from './stats/wilson.js';
import { buildScorecard, scorecardOf } from './scorecard.js';
import { createScorecardTally } from './scorecard-tally.js';
import { result, runRecord } from '../../test/helpers/build-results.js';
import { syntheticRun } from '../../test/helpers/synthetic-run.js';

// test/fixtures/scale/scorecard-1200.json is the scorecard main built from the whole result array
// (commit f737d63, the last before results streamed) for syntheticRun(1200): today's figures must match it.
const reference = JSON.parse(readFileSync(new URL('../../test/fixtures/scale/scorecard-1200.json', import.meta.url), 'utf8')) as unknown;
const drill = syntheticRun(1200);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every leaf that differs: numbers beyond float rounding, anything else at all. Latency intervals are checked apart. */
function differences(a: Json, b: Json, path = ''): string[] {
  if (path.endsWith('.latency.ci95')) return [];
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 ? [] : [`${path}: ${a} ≠ ${b}`];
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return a === b ? [] : [`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) =>
    differences((a as Record<string, Json>)[k] ?? null, (b as Record<string, Json>)[k] ?? null, `${path}.${k}`),
  );
}

const asJson = (x: unknown): Json => JSON.parse(JSON.stringify(x)) as Json;

describe('the scorecard from streamed aggregates', () => {
  it('equals the one built from the whole array: every value, count, detail and interval', () => {
    const streamed = asJson(buildScorecard(drill));
    expect(differences(streamed, reference as Json)).toEqual([]);
  });

  it('gives latency intervals within the bootstrap’s own Monte-Carlo noise of the array bootstrap’s', () => {
    const streamed = buildScorecard(drill);
    const ref = reference as {
      metrics: { latency: { ci95: Interval } };
      byPrinciple: Record<string, { metrics: { latency: { ci95: Interval | null } } }>;
    };
    const close = (a: Interval | null, b: Interval | null, share: number): void => {
      expect(a === null).toBe(b === null);
      if (!a || !b) return;
      const width = b[1] - b[0];
      expect(Math.abs(a[0] - b[0])).toBeLessThanOrEqual(share * width);
      expect(Math.abs(a[1] - b[1])).toBeLessThanOrEqual(share * width);
    };
    // 1,000 resamples put each percentile within a few per cent of the width; slices are small and noisier
    close(streamed.metrics.latency.ci95, ref.metrics.latency.ci95, 0.1);
    for (const [name, slice] of Object.entries(streamed.byPrinciple))
      close(slice.metrics.latency.ci95, ref.byPrinciple[name]?.metrics.latency.ci95 ?? null, 0.3);
  });

  // Cut at 400 and 800 every rephrasing's three samples fall in one part; cut at 401 and 799 some
  // rephrasings have samples in two parts, which both parts' slices count.
  it.each([
    [400, 800],
    [401, 799],
  ])('merges per worker: three tallies of consecutive parts (cut at %i and %i) give the one-pass scorecard exactly', (a, b) => {
    const parts = [createScorecardTally(), createScorecardTally(), createScorecardTally()];
    drill.results.forEach((r, i) => parts[i < a ? 0 : i < b ? 1 : 2]?.add(r));
    const [first, ...rest] = parts;
    for (const p of rest) first?.merge(p);
    const merged = asJson(scorecardOf({ run: drill.run, tally: first ?? createScorecardTally() }));
    const onePass = asJson(buildScorecard(drill));
    // a template example's "said last by" case is the one figure a merge may name differently
    const examples = (s: Json): Json => JSON.parse(JSON.stringify(s, (k, v: unknown) => (k === 'caseId' ? undefined : v))) as Json;
    expect(differences(examples(merged), examples(onePass))).toEqual([]);
    expect((merged as { metrics: { latency: unknown } }).metrics.latency).toEqual(
      (onePass as { metrics: { latency: unknown } }).metrics.latency,
    );
  });

  it('counts a rephrasing whose samples two parts share once in every slice', () => {
    // three rephrasings of one intent, two samples each: one short of hold_all_k's k = 4
    const results = [0, 1, 2].flatMap((n) =>
      [0, 1].map((sample) =>
        result({ id: `p/q/i/variant/${n}`, intent: 'i', kind: 'variant', mutation: 'authored', sample, verdict: 'refusal' }),
      ),
    );
    const parts = [createScorecardTally(), createScorecardTally()];
    results.forEach((r, i) => parts[i < 3 ? 0 : 1]?.add(r));
    parts[0]?.merge(parts[1] ?? createScorecardTally());
    const merged = scorecardOf({ run: runRecord(), tally: parts[0] ?? createScorecardTally() });
    for (const slices of [merged.byMutation, merged.bySplit, merged.byLanguage, merged.byPrinciple])
      for (const slice of Object.values(slices)) expect(slice.metrics.hold_all_k.n).toBe(0);
  });
});
