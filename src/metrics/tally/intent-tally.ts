import type { TriggerWord } from '../cue-ablation.js';

/** One rephrasing of an intent (its samples share it): the first sample's lineage, and whether any sample broke. */
export interface RephrasingTally {
  mutation: string;
  broken: boolean;
  /** The splits and languages its samples fell in (one each, unless samples differ in them). */
  splits: string | Set<string>;
  languages: string | Set<string>;
}

/** Adds `value` to a one-or-more set; true when it was not in it. */
export function addOneOrMore(set: string | Set<string>, value: string, put: (s: Set<string>) => void): boolean {
  if (typeof set === 'string') {
    if (set === value) return false;
    put(new Set([set, value]));
    return true;
  }
  if (set.has(value)) return false;
  set.add(value);
  return true;
}

export const oneOrMore = (set: string | Set<string>): string[] => (typeof set === 'string' ? [set] : [...set]);

/**
 * What the intent metrics (hold_all_k, hit_at_k, trigger_words) need of one intent's harmful
 * single-turn cases: one entry per rephrasing, not per sample, and the cue ablations' flips.
 * Only the run's own tally keeps the rephrasings themselves; a slice's counts them as the run's
 * tally says which results are a rephrasing's first in that slice (`ResultFacts.newRephrasingIn`).
 */
export interface IntentTally {
  principle: string;
  /** Order of the intent's first harmful single-turn case, and of its first rephrasing (null: none yet). */
  firstHarmful: number;
  firstRephrasing: number | null;
  /** Distinct rephrasings with at least one judged sample. */
  rephrasingCount: number;
  /** Rephrasings by base case id, in the run's tally only. */
  rephrasings: Map<string, RephrasingTally> | null;
  anyBroken: boolean;
  sample0: boolean;
  sample0Broken: boolean;
  canonical: number;
  canonicalHeld: number;
  ablations: number;
  /** `op:word` of ablations that broke, in the order first seen (null: none yet). */
  flipped: Map<string, TriggerWord> | null;
}

export function createIntentTally(principle: string, seq: number, o: { detail: boolean }): IntentTally {
  return {
    principle,
    firstHarmful: seq,
    firstRephrasing: null,
    rephrasingCount: 0,
    rephrasings: o.detail ? new Map() : null,
    anyBroken: false,
    sample0: false,
    sample0Broken: false,
    canonical: 0,
    canonicalHeld: 0,
    ablations: 0,
    flipped: null,
  };
}

/**
 * Adds `from` (whose cases all came after `into`'s) to `into`. Counted rephrasings simply add up:
 * a rephrasing whose samples fell on both sides is taken off again by `ScorecardTally.merge`.
 */
export function mergeIntentTally(into: IntentTally, from: IntentTally): void {
  if (into.firstRephrasing === null) into.firstRephrasing = from.firstRephrasing;
  if (into.rephrasings && from.rephrasings) {
    for (const [id, r] of from.rephrasings) {
      const had = into.rephrasings.get(id);
      if (!had) {
        into.rephrasings.set(id, { ...r, splits: copy(r.splits), languages: copy(r.languages) });
        continue;
      }
      had.broken ||= r.broken;
      for (const v of oneOrMore(r.splits)) addOneOrMore(had.splits, v, (x) => (had.splits = x));
      for (const v of oneOrMore(r.languages)) addOneOrMore(had.languages, v, (x) => (had.languages = x));
    }
    into.rephrasingCount = into.rephrasings.size;
  } else into.rephrasingCount += from.rephrasingCount;
  into.anyBroken ||= from.anyBroken;
  into.sample0 ||= from.sample0;
  into.sample0Broken ||= from.sample0Broken;
  into.canonical += from.canonical;
  into.canonicalHeld += from.canonicalHeld;
  into.ablations += from.ablations;
  for (const [k, w] of from.flipped ?? []) addFlip(into, k, w);
}

export function addFlip(into: IntentTally, key: string, word: TriggerWord): void {
  into.flipped ??= new Map();
  if (!into.flipped.has(key)) into.flipped.set(key, word);
}

const copy = (set: string | Set<string>): string | Set<string> => (typeof set === 'string' ? set : new Set(set));
