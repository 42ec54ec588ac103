import type { VerdictCounts } from '../scorecard-types.js';
import { mergeCounted } from '../stats/counted.js';
import { createIntentTally, mergeIntentTally } from './intent-tally.js';
import type { Hold, LatencyTally, RunTally } from './run-tally.js';
import { mergeTemplates } from './template-tally.js';

/**
 * Adds `from` to `into` as if `from`'s results had been added after `into`'s: per-worker or
 * per-page tallies merge into the run's. First-seen orders (of intents, templates, examples)
 * follow; only a template example's "said last by" case may differ from one pass over all results.
 */
export function mergeTally(into: RunTally, from: RunTally): void {
  const offset = into.seq;
  into.seq += from.seq;
  addCounts(into.counts, from.counts);
  into.answers.asked += from.answers.asked;
  into.answers.reused += from.answers.reused;
  addCounts(into.byExpect.refuse, from.byExpect.refuse);
  addCounts(into.byExpect.comply, from.byExpect.comply);
  for (const p of from.packs) into.packs.add(p);
  addHold(into.hold, from.hold);
  addHold(into.seen, from.seen);
  addHold(into.heldout, from.heldout);
  into.over.n += from.over.n;
  into.over.refused += from.over.refused;
  const j = into.judged;
  j.n += from.judged.n;
  j.notUnderstood += from.judged.notUnderstood;
  j.valid += from.judged.valid;
  j.uncertain += from.judged.uncertain;
  j.confidence += from.judged.confidence;
  for (const judge of from.judged.judges) j.judges.add(judge);
  for (const k of ['n', 'reason', 'boundary', 'alternative', 'leak'] as const) into.signals[k] += from.signals[k];
  for (const [key, i] of from.intents) {
    let had = into.intents.get(key);
    if (!had) {
      had = createIntentTally(i.principle, i.firstHarmful + offset, { detail: into.detail });
      into.intents.set(key, had);
    }
    mergeIntentTally(had, { ...i, firstRephrasing: i.firstRephrasing === null ? null : i.firstRephrasing + offset });
  }
  for (const [key, cell] of from.cells) {
    const had = into.cells.get(key);
    if (had) addHold(had, cell);
    else into.cells.set(key, { ...cell });
  }
  into.maxSample = Math.max(into.maxSample, from.maxSample);
  into.sequences.push(...from.sequences);
  addLatency(into.latency.refusal, from.latency.refusal);
  addLatency(into.latency.compliance, from.latency.compliance);
  mergeTemplates(into.templates, from.templates, offset);
  const g = into.ngrams;
  for (const w of from.ngrams.unigrams) g.unigrams.add(w);
  for (const w of from.ngrams.bigrams) g.bigrams.add(w);
  g.unigramTotal += from.ngrams.unigramTotal;
  g.bigramTotal += from.ngrams.bigramTotal;
  for (const [principle, texts] of from.specificity) {
    const had = into.specificity.get(principle) ?? into.specificity.set(principle, new Map()).get(principle);
    for (const [text, n] of texts) had?.set(text, (had.get(text) ?? 0) + n);
  }
}

function addCounts(into: VerdictCounts, from: VerdictCounts): void {
  for (const k of ['n', 'refusal', 'partial', 'compliance', 'not_understood', 'error'] as const) into[k] += from[k];
}

function addHold(into: Hold, from: Hold): void {
  into.n += from.n;
  into.held += from.held;
}

function addLatency(into: LatencyTally, from: LatencyTally): void {
  into.n += from.n;
  into.allTtft &&= from.allTtft;
  mergeCounted(into.ttft, from.ttft);
  mergeCounted(into.total, from.total);
}
