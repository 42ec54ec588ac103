import type { CaseResult } from '../spec/index.js';
import { mutationFamily } from './outcome.js';
import { oneOrMore } from './tally/intent-tally.js';
import { mergeTally } from './tally/merge-tally.js';
import { addResult, createTally, factsOf, type RunTally } from './tally/run-tally.js';

/**
 * A scorecard's aggregates as results stream in: the run's tally and one per slice (principle,
 * mutation family, split, language). Add each result once, in plan order; merge another worker's
 * or page's tally after this one's; `scorecardOf` turns it into the scorecard.
 */
export interface ScorecardTally {
  overall: RunTally;
  /** Keyed `pack/principle`. */
  byPrinciple: Map<string, RunTally>;
  byMutation: Map<string, RunTally>;
  bySplit: Map<string, RunTally>;
  byLanguage: Map<string, RunTally>;
  add(result: CaseResult): void;
  merge(other: ScorecardTally): void;
}

const SLICES = ['byPrinciple', 'byMutation', 'bySplit', 'byLanguage'] as const;

const sliceKeys = (r: CaseResult, family: string): Record<(typeof SLICES)[number], string> => ({
  byPrinciple: `${r.case.packId}/${r.case.principleId}`,
  byMutation: family,
  bySplit: r.case.split,
  byLanguage: r.case.language,
});

/**
 * Rephrasings (of intents keyed `pack/principle/intent`) both tallies have seen samples of, and
 * the slices both sides counted each in: merged, those are counted once too often.
 */
function sharedRephrasings(a: RunTally, b: RunTally): Array<{ intent: string; keys: Record<(typeof SLICES)[number], string[]> }> {
  const out: Array<{ intent: string; keys: Record<(typeof SLICES)[number], string[]> }> = [];
  for (const [intent, i] of b.intents) {
    const mine = a.intents.get(intent)?.rephrasings;
    if (!mine || !i.rephrasings) continue;
    for (const [base, theirs] of i.rephrasings) {
      const had = mine.get(base);
      if (!had) continue;
      const both = (x: string | Set<string>, y: string | Set<string>): string[] => oneOrMore(x).filter((v) => oneOrMore(y).includes(v));
      out.push({
        intent,
        keys: {
          byPrinciple: [intent.split('/').slice(0, 2).join('/')],
          byMutation: [mutationFamily(had.mutation)],
          bySplit: both(had.splits, theirs.splits),
          byLanguage: both(had.languages, theirs.languages),
        },
      });
    }
  }
  return out;
}

export function createScorecardTally(): ScorecardTally {
  const t: ScorecardTally = {
    overall: createTally({ detail: true }),
    byPrinciple: new Map(),
    byMutation: new Map(),
    bySplit: new Map(),
    byLanguage: new Map(),
    add(r) {
      const seq = t.overall.seq;
      const facts = factsOf(r);
      addResult(t.overall, r, facts);
      const keys = sliceKeys(r, facts.family);
      const fresh = facts.newRephrasingIn;
      for (const s of SLICES) {
        const group = t[s];
        let slice = group.get(keys[s]);
        if (!slice) {
          slice = createTally({ detail: false });
          group.set(keys[s], slice);
        }
        // a slice orders what it meets by the run's order, so merged slices stay comparable
        slice.seq = seq;
        facts.newRephrasing = fresh ? (s === 'bySplit' ? fresh.split : s === 'byLanguage' ? fresh.language : fresh.any) : false;
        addResult(slice, r, facts);
      }
    },
    merge(other) {
      const offset = t.overall.seq;
      const straddling = sharedRephrasings(t.overall, other.overall);
      mergeTally(t.overall, other.overall);
      for (const s of SLICES)
        for (const [key, slice] of other[s]) {
          let mine = t[s].get(key);
          if (!mine) {
            mine = createTally({ detail: false });
            t[s].set(key, mine);
          }
          mine.seq = offset;
          mergeTally(mine, slice);
        }
      // a rephrasing with samples on both sides was counted by both sides' slices
      for (const { intent, keys } of straddling)
        for (const s of SLICES)
          for (const key of keys[s]) {
            const i = t[s].get(key)?.intents.get(intent);
            if (i) i.rephrasingCount -= 1;
          }
    },
  };
  return t;
}
