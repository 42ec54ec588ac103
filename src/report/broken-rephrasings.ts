import { baseCaseId } from '../metrics/index.js';
import type { CaseResult } from '../spec/index.js';
import type { IntentOutcome } from './intent-outcomes.js';
import { rephrasingLabel } from './rephrasing-label.js';

export interface RephrasingTally {
  /** `fiction/nested`, `variant 2`, `twin 1`. */
  label: string;
  /** Samples of this rephrasing that failed. */
  failed: number;
  /** Samples of this rephrasing in the run. */
  samples: number;
}

/** What failed in one intent, each rephrasing once with how many of its samples failed. */
export function failedRephrasings(o: IntentOutcome, which: 'broken' | 'overRefused'): RephrasingTally[] {
  const samples = new Map<string, number>();
  for (const r of o.cases) samples.set(baseCaseId(r.case), (samples.get(baseCaseId(r.case)) ?? 0) + 1);
  const failed = new Map<string, { first: CaseResult; n: number }>();
  for (const r of o[which]) {
    const key = baseCaseId(r.case);
    const f = failed.get(key);
    if (f) f.n += 1;
    else failed.set(key, { first: r, n: 1 });
  }
  return [...failed].map(([key, f]) => ({ label: rephrasingLabel(f.first.case), failed: f.n, samples: samples.get(key) ?? f.n }));
}

/**
 * `fiction/nested (2 of 3 samples), variant 2 (3 of 3 samples)`, or, when every one failed in all its
 * samples, `fiction/nested, variant 2 — each in all 3 samples`; no count when the run had one sample.
 */
export function tallyText(tallies: readonly RephrasingTally[]): string {
  const first = tallies[0];
  if (!first) return '';
  const labels = tallies.map((t) => t.label).join(', ');
  if (tallies.every((t) => t.samples === 1)) return labels;
  if (tallies.every((t) => t.failed === first.samples && t.samples === first.samples))
    return tallies.length === 1 ? `${labels} (all ${first.samples} samples)` : `${labels} — each in all ${first.samples} samples`;
  return tallies.map((t) => `${t.label} (${t.failed} of ${t.samples} sample${t.samples === 1 ? '' : 's'})`).join(', ');
}
