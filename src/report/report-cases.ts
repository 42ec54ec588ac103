import { baseCaseId, isUncertain } from '../metrics/index.js';
import { caseHeld, type CaseResult } from '../spec/index.js';
import { oneLine } from '../util/index.js';
import type { RephrasingTally } from './broken-rephrasings.js';
import { createEmbedSelection, embedPriority } from './embed-selection.js';
import { rephrasingLabel } from './rephrasing-label.js';

/** Transcripts a report embeds in full; a larger run embeds a selection of this many (see embed-selection.ts). */
export const EMBED_LIMIT = 1500;
/** An intent's example answer is kept on one line this long (report.md shows 140 characters of it). */
const EXAMPLE_CHARS = 300;
/** Failure lines kept per intent and kind for JUnit; the rest are counted. */
const FAILURE_LINES = 20;

/** One intent of the run, every case counted, its failures named by rephrasing. */
export interface IntentSummary {
  /** `pack/principle/intent`, or `pack/principle/(twins)` for a principle's own benign probes. */
  key: string;
  principle: string;
  intent: string;
  cases: number;
  harmful: number;
  /** Harmful cases that broke: answered, leaked, or a sequence that gave in. */
  broken: number;
  /** Benign twins refused. */
  overRefused: number;
  errors: number;
  /** Cases whose request the model could not read: neither held nor broke. */
  notUnderstood: number;
  uncertain: number;
  leaked: number;
  /** Seconds its cases took, request and judging. */
  seconds: number;
  brokenRephrasings: RephrasingTally[];
  overRefusedRephrasings: RephrasingTally[];
  /** The first failure lines (`broke on fiction/nested#1 (compliance): …`), FAILURE_LINES of each kind. */
  brokenLines: string[];
  overRefusedLines: string[];
  /** The last response of the first broken case, else of the first over-refused twin, on one line (300 characters at most). */
  example: string;
}

/** What the reports read of a run's cases: every intent counted, and the transcripts to embed. */
export interface ReportCases {
  total: number;
  intents: IntentSummary[];
  /** In plan order: every result up to EMBED_LIMIT, else failures, uncertain verdicts and a stratified sample. */
  embedded: CaseResult[];
}

export interface ReportCasesTally {
  add(result: CaseResult): void;
  finish(): ReportCases;
}

interface Failing {
  label: string;
  broken: number;
  overRefused: number;
  firstBroken: number;
  firstOver: number;
}

interface Building extends IntentSummary {
  /** Samples seen per rephrasing (by base case id): a count, so a large run keeps no record per case. */
  samples: Map<string, number>;
  /** The rephrasings that failed at least once. */
  failing: Map<string, Failing>;
  /** Cases met so far of each embed priority (failure, uncertain, other): a case's rank within its intent. */
  ranks: [number, number, number];
  exampleBroken: string | null;
  exampleOver: string | null;
}

const lastText = (r: CaseResult): string => r.turns.at(-1)?.response?.text ?? '';

/** `fiction/nested#1`: the rephrasing, and which sample as the case id numbers it. */
export function sampledLabel(r: CaseResult): string {
  const n = /#\d+$/.exec(r.case.id)?.[0] ?? '';
  return `${rephrasingLabel(r.case)}${n}`;
}

/** One literal, every field named: spread-built objects fall back to slow dictionary properties, 1.3 KB per intent. */
function newGroup(key: string, principle: string, intent: string): Building {
  return {
    key,
    principle,
    intent,
    cases: 0,
    harmful: 0,
    broken: 0,
    overRefused: 0,
    errors: 0,
    notUnderstood: 0,
    uncertain: 0,
    leaked: 0,
    seconds: 0,
    brokenRephrasings: [],
    overRefusedRephrasings: [],
    brokenLines: [],
    overRefusedLines: [],
    example: '',
    samples: new Map(),
    failing: new Map(),
    ranks: [0, 0, 0],
    exampleBroken: null,
    exampleOver: null,
  };
}

export function createReportCases(o: { embedLimit?: number } = {}): ReportCasesTally {
  const groups = new Map<string, Building>();
  const selection = createEmbedSelection(o.embedLimit ?? EMBED_LIMIT);
  return {
    add(r) {
      const intent = r.case.intentId ?? '(twins)';
      const key = `${r.case.packId}/${r.case.principleId}/${intent}`;
      let g = groups.get(key);
      if (!g) {
        g = newGroup(key, r.case.principleId, intent);
        groups.set(key, g);
      }
      const priority = embedPriority(r);
      selection.add(r, { priority, rank: g.ranks[priority]++ });
      g.cases += 1;
      if (r.case.expect === 'refuse') g.harmful += 1;
      if (isUncertain(r.judgement)) g.uncertain += 1;
      if (r.turns.some((t) => t.judgement.signals?.leak)) g.leaked += 1;
      const ms = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
      if (Number.isFinite(ms) && ms > 0) g.seconds += ms / 1000;
      const base = baseCaseId(r.case);
      g.samples.set(base, (g.samples.get(base) ?? 0) + 1);
      const failing = (): Failing => {
        const had = g.failing.get(base);
        if (had) return had;
        const f = { label: rephrasingLabel(r.case), broken: 0, overRefused: 0, firstBroken: 0, firstOver: 0 };
        g.failing.set(base, f);
        return f;
      };
      const ok = caseHeld(r);
      if (ok === null) {
        if (r.judgement.verdict === 'not_understood') g.notUnderstood += 1;
        else g.errors += 1;
      } else if (!ok && r.case.expect === 'comply') {
        g.overRefused += 1;
        const f = failing();
        if (f.overRefused++ === 0) f.firstOver = selection.seen();
        g.exampleOver ??= oneLine(lastText(r), EXAMPLE_CHARS);
        if (g.overRefusedLines.length < FAILURE_LINES)
          g.overRefusedLines.push(`refused benign ${sampledLabel(r)}: ${oneLine(lastText(r), 300)}`);
      } else if (!ok) {
        g.broken += 1;
        const f = failing();
        if (f.broken++ === 0) f.firstBroken = selection.seen();
        g.exampleBroken ??= oneLine(lastText(r), EXAMPLE_CHARS);
        if (g.brokenLines.length < FAILURE_LINES)
          g.brokenLines.push(`broke on ${sampledLabel(r)} (${r.judgement.verdict}): ${oneLine(lastText(r), 300)}`);
      }
    },
    finish() {
      const intents = [...groups.values()].map(({ samples, failing, ranks: _ranks, exampleBroken, exampleOver, ...g }): IntentSummary => {
        const tallies = (which: 'broken' | 'overRefused'): RephrasingTally[] =>
          [...failing]
            .filter(([, f]) => f[which] > 0)
            // in the order they first failed, as report.md has always listed them
            .sort(([, a], [, b]) => (which === 'broken' ? a.firstBroken - b.firstBroken : a.firstOver - b.firstOver))
            .map(([base, f]) => ({ label: f.label, failed: f[which], samples: samples.get(base) ?? 0 }));
        return {
          ...g,
          brokenRephrasings: tallies('broken'),
          overRefusedRephrasings: tallies('overRefused'),
          example: exampleBroken ?? exampleOver ?? '',
        };
      });
      return { total: selection.seen(), intents, embedded: selection.chosen() };
    },
  };
}

export function reportCasesOf(results: Iterable<CaseResult>): ReportCases {
  const t = createReportCases();
  for (const r of results) t.add(r);
  return t.finish();
}
