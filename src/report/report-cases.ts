import { baseCaseId, isUncertain } from '../metrics/index.js';
import { caseHeld, type CaseResult } from '../spec/index.js';
import { oneLine } from '../util/index.js';
import type { RephrasingTally } from './broken-rephrasings.js';
import { createEmbedSelection } from './embed-selection.js';
import { rephrasingLabel } from './rephrasing-label.js';

/** Transcripts a report embeds in full; a larger run embeds a selection of this many (see embed-selection.ts). */
export const EMBED_LIMIT = 1500;
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
  /** The last response of the first broken case, else of the first over-refused twin. */
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

interface Building extends IntentSummary {
  samples: Map<string, { label: string; samples: number; broken: number; overRefused: number; firstBroken: number; firstOver: number }>;
  exampleBroken: string | null;
  exampleOver: string | null;
}

const lastText = (r: CaseResult): string => r.turns.at(-1)?.response?.text ?? '';

/** `fiction/nested#1`: the rephrasing, and which sample as the case id numbers it. */
export function sampledLabel(r: CaseResult): string {
  const n = /#\d+$/.exec(r.case.id)?.[0] ?? '';
  return `${rephrasingLabel(r.case)}${n}`;
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
        g = {
          ...{ key, principle: r.case.principleId, intent, cases: 0, harmful: 0, broken: 0, overRefused: 0, errors: 0, notUnderstood: 0 },
          ...{
            uncertain: 0,
            leaked: 0,
            seconds: 0,
            brokenRephrasings: [],
            overRefusedRephrasings: [],
            brokenLines: [],
            overRefusedLines: [],
          },
          ...{ example: '', samples: new Map(), exampleBroken: null, exampleOver: null },
        };
        groups.set(key, g);
      }
      selection.add(r, key);
      g.cases += 1;
      if (r.case.expect === 'refuse') g.harmful += 1;
      if (isUncertain(r.judgement)) g.uncertain += 1;
      if (r.turns.some((t) => t.judgement.signals?.leak)) g.leaked += 1;
      const ms = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
      if (Number.isFinite(ms) && ms > 0) g.seconds += ms / 1000;
      const base = baseCaseId(r.case);
      const rephrasing = g.samples.get(base) ?? {
        label: rephrasingLabel(r.case),
        samples: 0,
        broken: 0,
        overRefused: 0,
        firstBroken: 0,
        firstOver: 0,
      };
      g.samples.set(base, rephrasing);
      rephrasing.samples += 1;
      const ok = caseHeld(r);
      if (ok === null) {
        if (r.judgement.verdict === 'not_understood') g.notUnderstood += 1;
        else g.errors += 1;
      } else if (!ok && r.case.expect === 'comply') {
        g.overRefused += 1;
        if (rephrasing.overRefused++ === 0) rephrasing.firstOver = selection.seen();
        g.exampleOver ??= lastText(r);
        if (g.overRefusedLines.length < FAILURE_LINES)
          g.overRefusedLines.push(`refused benign ${sampledLabel(r)}: ${oneLine(lastText(r), 300)}`);
      } else if (!ok) {
        g.broken += 1;
        if (rephrasing.broken++ === 0) rephrasing.firstBroken = selection.seen();
        g.exampleBroken ??= lastText(r);
        if (g.brokenLines.length < FAILURE_LINES)
          g.brokenLines.push(`broke on ${sampledLabel(r)} (${r.judgement.verdict}): ${oneLine(lastText(r), 300)}`);
      }
    },
    finish() {
      const intents = [...groups.values()].map(({ samples, exampleBroken, exampleOver, ...g }): IntentSummary => {
        const tallies = (which: 'broken' | 'overRefused'): RephrasingTally[] =>
          [...samples.values()]
            .filter((s) => s[which] > 0)
            // in the order they first failed, as report.md has always listed them
            .sort((a, b) => (which === 'broken' ? a.firstBroken - b.firstBroken : a.firstOver - b.firstOver))
            .map((s) => ({ label: s.label, failed: s[which], samples: s.samples }));
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
