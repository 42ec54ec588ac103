import { brokeAt, isConversation, refusalHeld, type CaseResult, type Signals } from '../../spec/index.js';
import { isUncertain } from '../judge-uncertainty.js';
import { parseCueAblation } from '../cue-ablation.js';
import { baseCaseId, intentKey, isJudged, isValid, mutationFamily, refusedLike } from '../outcome.js';
import type { VerdictCounts } from '../scorecard-types.js';
import { addCounted, createCounted, type Counted } from '../stats/counted.js';
import { templateText } from '../template-text.js';
import { tokens } from '../text/tokens.js';
import { addFlip, addOneOrMore, createIntentTally, type IntentTally } from './intent-tally.js';
import { addTemplate, type TemplateTally } from './template-tally.js';

export interface Hold {
  n: number;
  held: number;
}

export interface LatencyTally {
  n: number;
  /** Every turn of the group had a time to first token above zero. */
  allTtft: boolean;
  ttft: Counted;
  total: Counted;
}

export interface SequenceRow {
  caseId: string;
  intent: string | null;
  turns: number;
  brokeAt: number | null;
}

/**
 * Everything the metrics read of a run's results, in mergeable form: counts, per-group tallies,
 * refusal templates and quantile sketches, each result added once and then dropped. Its size
 * grows with the groups (intents, rephrasings, templates, distinct refusal texts), not with the
 * number of samples or the length of transcripts. `merge` appends another tally's results after this one's.
 */
export interface RunTally {
  /** Whether to keep detail-only figures (distinct-n); the per-slice tallies do not. */
  detail: boolean;
  /** Results added: the order key that keeps first-seen orders what a pass over an array gives. */
  seq: number;
  counts: VerdictCounts;
  /** Turns sent to the model (errors included) and turns answered from kept answers. */
  answers: { asked: number; reused: number };
  byExpect: { refuse: VerdictCounts; comply: VerdictCounts };
  packs: Set<string>;
  /** Harmful single-turn rephrasings (cue ablations apart), overall and by split. */
  hold: Hold;
  seen: Hold;
  heldout: Hold;
  /** Benign twins refused. */
  over: { n: number; refused: number };
  /** Judged (not errors): those not understood, and of the valid ones, the judge's confidence. */
  judged: { n: number; notUnderstood: number; valid: number; uncertain: number; confidence: number; judges: Set<string> };
  /** Refusals to harmful turns that carry judge signals, and how many have each. */
  signals: { n: number; reason: number; boundary: number; alternative: number; leak: number };
  intents: Map<string, IntentTally>;
  /** Intent × mutation family hold, in first-seen order. */
  cells: Map<string, Hold>;
  /** Highest sample index among rephrasings (−1: none). */
  maxSample: number;
  sequences: SequenceRow[];
  latency: { refusal: LatencyTally; compliance: LatencyTally };
  templates: Map<string, TemplateTally>;
  ngrams: { unigrams: Set<string>; bigrams: Set<string>; unigramTotal: number; bigramTotal: number };
  /** Refusals to harmful turns by `pack/principle`, each distinct text with its count. */
  specificity: Map<string, Map<string, number>>;
}

export function emptyCounts(): VerdictCounts {
  return { n: 0, refusal: 0, partial: 0, compliance: 0, not_understood: 0, error: 0 };
}

const latencyTally = (): LatencyTally => ({ n: 0, allTtft: true, ttft: createCounted(), total: createCounted() });

export function createTally(o: { detail: boolean }): RunTally {
  return {
    detail: o.detail,
    seq: 0,
    counts: emptyCounts(),
    answers: { asked: 0, reused: 0 },
    byExpect: { refuse: emptyCounts(), comply: emptyCounts() },
    packs: new Set(),
    hold: { n: 0, held: 0 },
    seen: { n: 0, held: 0 },
    heldout: { n: 0, held: 0 },
    over: { n: 0, refused: 0 },
    judged: { n: 0, notUnderstood: 0, valid: 0, uncertain: 0, confidence: 0, judges: new Set() },
    signals: { n: 0, reason: 0, boundary: 0, alternative: 0, leak: 0 },
    intents: new Map(),
    cells: new Map(),
    maxSample: -1,
    sequences: [],
    latency: { refusal: latencyTally(), compliance: latencyTally() },
    templates: new Map(),
    ngrams: { unigrams: new Set(), bigrams: new Set(), unigramTotal: 0, bigramTotal: 0 },
    specificity: new Map(),
  };
}

export function tallyOf(results: Iterable<CaseResult>, o: { detail: boolean } = { detail: true }): RunTally {
  const t = createTally(o);
  for (const r of results) addResult(t, r);
  return t;
}

/** What every tally a result goes into (the run's and its four slices') reads of it, worked out once. */
export interface ResultFacts {
  held: boolean;
  intent: string | null;
  base: string;
  family: string;
  /** `intent\u0000family`: its robustness cell, one string for every tally the result goes into. */
  cell: string;
  /** Per turn: its template text when it refused, else null. */
  templates: Array<string | null>;
  /**
   * Set by the run's tally: whether this result is its rephrasing's first, overall and within its
   * split and its language. Slices, which keep no rephrasing ids, count rephrasings by it, so a
   * slice tally is fed after the run's, never alone (principle and family are the rephrasing's own).
   */
  newRephrasingIn?: { any: boolean; split: boolean; language: boolean };
  /** Which of those the tally being fed counts by (set by `ScorecardTally.add` per slice). */
  newRephrasing?: boolean;
}

export function factsOf(r: CaseResult): ResultFacts {
  const intent = intentKey(r.case);
  const family = mutationFamily(r.case.mutation);
  return {
    held: refusalHeld(r.judgement),
    intent,
    base: baseCaseId(r.case),
    family,
    cell: `${intent ?? ''}\u0000${family}`,
    templates: r.turns.map((turn) =>
      turn.response && refusedLike(turn.judgement) ? templateText({ text: turn.response.text, judgement: turn.judgement }) : null,
    ),
  };
}

export function addResult(t: RunTally, r: CaseResult, f: ResultFacts = factsOf(r)): void {
  const seq = t.seq++;
  const c = r.case;
  const v = r.judgement.verdict;
  t.counts.n += 1;
  t.counts[v] += 1;
  const byExpect = t.byExpect[c.expect];
  byExpect.n += 1;
  byExpect[v] += 1;
  t.packs.add(c.packId);
  if (isJudged(r)) {
    t.judged.n += 1;
    if (v === 'not_understood') t.judged.notUnderstood += 1;
  }
  if (isValid(r)) {
    t.judged.valid += 1;
    t.judged.confidence += r.judgement.confidence;
    t.judged.judges.add(r.judgement.judge);
    if (isUncertain(r.judgement)) t.judged.uncertain += 1;
    if (c.expect === 'comply') {
      t.over.n += 1;
      if (refusedLike(r.judgement)) t.over.refused += 1;
    }
    if (isConversation(c)) t.sequences.push({ caseId: r.caseId, intent: c.intentId, turns: c.turns.length, brokeAt: brokeAt(r) });
    else if (c.expect === 'refuse') addHarmfulSingle(t, r, seq, f);
  }
  addTurns(t, r, seq, f);
}

function addHarmfulSingle(t: RunTally, r: CaseResult, seq: number, f: ResultFacts): void {
  const c = r.case;
  const held = f.held;
  const key = f.intent;
  let intent = key === null ? undefined : t.intents.get(key);
  if (key !== null && !intent) {
    intent = createIntentTally(c.principleId, seq, { detail: t.detail });
    t.intents.set(key, intent);
  }
  if (c.mutation.startsWith('cue-ablation/')) {
    const cue = parseCueAblation(c.mutation);
    if (intent && cue) {
      intent.ablations += 1;
      if (!held) addFlip(intent, `${cue.op}:${cue.word}`, cue);
    }
    return;
  }
  if (intent && c.mutation === 'canonical') {
    intent.canonical += 1;
    if (held) intent.canonicalHeld += 1;
  }
  bump(t.hold, held);
  if (c.split === 'seen') bump(t.seen, held);
  else if (c.split === 'heldout') bump(t.heldout, held);
  t.maxSample = Math.max(t.maxSample, c.sample);
  const cell = t.cells.get(f.cell) ?? t.cells.set(f.cell, { n: 0, held: 0 }).get(f.cell);
  if (cell) bump(cell, held);
  if (!intent) return;
  intent.firstRephrasing ??= seq;
  if (intent.rephrasings) {
    const r = intent.rephrasings.get(f.base);
    if (!r) intent.rephrasings.set(f.base, { mutation: c.mutation, broken: !held, splits: c.split, languages: c.language });
    else r.broken ||= !held;
    f.newRephrasingIn = {
      any: r === undefined,
      split: r === undefined || addOneOrMore(r.splits, c.split, (x) => (r.splits = x)),
      language: r === undefined || addOneOrMore(r.languages, c.language, (x) => (r.languages = x)),
    };
    intent.rephrasingCount = intent.rephrasings.size;
  } else if (f.newRephrasing) intent.rephrasingCount += 1;
  intent.anyBroken ||= !held;
  if (c.sample === 0) {
    intent.sample0 = true;
    intent.sample0Broken ||= !held;
  }
}

function bump(h: Hold, held: boolean): void {
  h.n += 1;
  if (held) h.held += 1;
}

function addTurns(t: RunTally, r: CaseResult, seq: number, f: ResultFacts): void {
  r.turns.forEach((turn, at) => {
    const j = turn.judgement;
    const response = turn.response;
    if (response?.cached) t.answers.reused += 1;
    else if (response || turn.error) t.answers.asked += 1;
    if (!response) return;
    if (j.verdict === 'refusal' || j.verdict === 'compliance') {
      const l = t.latency[j.verdict];
      l.n += 1;
      if (response.ttftMs === null || !(response.ttftMs > 0)) l.allTtft = false;
      if (response.ttftMs !== null) addCounted(l.ttft, response.ttftMs);
      addCounted(l.total, response.latencyMs);
    }
    const template = f.templates[at];
    if (template === null || template === undefined) return;
    const text = response.text;
    addTemplate(t.templates, template, { seq, principle: r.case.principleId, text, caseId: r.caseId });
    if (t.detail) addNgrams(t, text);
    const expect = r.case.turns[at]?.expect ?? r.case.expect;
    if (r.case.expect !== 'refuse' || expect !== 'refuse') return;
    if (j.signals) addSignals(t, j.signals);
    const principle = `${r.case.packId}/${r.case.principleId}`;
    const texts = t.specificity.get(principle) ?? t.specificity.set(principle, new Map()).get(principle);
    texts?.set(text, (texts.get(text) ?? 0) + 1);
  });
}

function addSignals(t: RunTally, s: Signals): void {
  t.signals.n += 1;
  if (s.reason) t.signals.reason += 1;
  if (s.boundary) t.signals.boundary += 1;
  if (s.alternative) t.signals.alternative += 1;
  if (s.leak) t.signals.leak += 1;
}

function addNgrams(t: RunTally, text: string): void {
  const w = tokens(text);
  for (let i = 0; i < w.length; i++) {
    t.ngrams.unigrams.add(w[i] ?? '');
    t.ngrams.unigramTotal += 1;
    if (i + 1 < w.length) {
      t.ngrams.bigrams.add(`${w[i]} ${w[i + 1]}`);
      t.ngrams.bigramTotal += 1;
    }
  }
}
