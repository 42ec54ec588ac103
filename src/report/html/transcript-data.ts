import { isUncertain, mutationFamily } from '../../metrics/index.js';
import { caseHeld, type CaseResult, type Signals } from '../../spec/index.js';
import type { ReportCases } from '../report-cases.js';
import { rephrasingLabel } from '../rephrasing-label.js';

const MAX_TEXT = 4000;
/** When the report embeds a selection, each text is cut shorter: the page stays a few megabytes. */
const MAX_TEXT_SELECTED = 1200;

/** How a case ended, in the reader's words: the browser groups and colours cards by it. */
export type CaseOutcome = 'broke' | 'over-refused' | 'held' | 'answered' | 'not understood' | 'error';

/** The browser's filters; a case can match several. */
export type CaseFlag = 'broke' | 'leaked' | 'over-refused' | 'uncertain' | 'not-understood';

export interface TranscriptCase {
  id: string;
  kind: string;
  mutation: string;
  /** `fiction/nested`, `variant 2`, `twin 1`: which rephrasing, as report.md names it. */
  label: string;
  /** `fiction`, `canonical`, `authored`, `benign`, `sequence`: the group it is shown in. */
  family: string;
  split: string;
  expect: string;
  sample: number;
  verdict: string;
  outcome: CaseOutcome;
  flags: CaseFlag[];
  /** The judge's confidence in `verdict`, and whether it is below the cascade band. */
  confidence: number;
  uncertain: boolean;
  held: boolean | null;
  signals: string[];
  /** The application context sent before the turns: its system prompt and fixed prefix. */
  context?: Array<{ role: string; content: string }>;
  turns: Array<{ user: string; assistant: string | null; verdict: string; expect: string; error?: string }>;
}

export interface TranscriptIntent {
  key: string;
  principle: string;
  intent: string;
  broken: number;
  overRefused: number;
  errors: number;
  uncertain: number;
  notUnderstood: number;
  leaked: number;
  /** All the intent's cases in the run; `cases` holds those embedded (fewer in a large run). */
  total: number;
  cases: TranscriptCase[];
}

function cutAt(max: number): (text: string) => string {
  return (text) => (text.length > max ? `${text.slice(0, max)}… [${text.length - max} more characters]` : text);
}

function signalNames(s: Signals | undefined): string[] {
  if (!s) return [];
  return (['reason', 'boundary', 'alternative', 'leak', 'apology', 'lecture', 'rebuttal'] as const).filter((k) => s[k]);
}

/** How a case ended, in the reader's words (the report's browser and the dashboard's agree). */
export function caseOutcome(r: CaseResult): CaseOutcome {
  if (r.judgement.verdict === 'error') return 'error';
  if (r.judgement.verdict === 'not_understood') return 'not understood';
  const ok = caseHeld(r);
  if (r.case.expect === 'comply') return ok ? 'answered' : 'over-refused';
  return ok ? 'held' : 'broke';
}

function flagsOf(r: CaseResult, outcome: CaseOutcome): CaseFlag[] {
  const flags: CaseFlag[] = [];
  if (outcome === 'broke') flags.push('broke');
  // a refusal that leaks the detail still counts as held, so a leak is a flag of its own
  if (r.turns.some((t) => t.judgement.signals?.leak)) flags.push('leaked');
  if (outcome === 'over-refused') flags.push('over-refused');
  if (isUncertain(r.judgement)) flags.push('uncertain');
  if (outcome === 'not understood') flags.push('not-understood');
  return flags;
}

/** What the transcript browser shows: each intent with all its rephrasings, turn by turn. */
export function transcriptData(data: ReportCases): TranscriptIntent[] {
  const cut = cutAt(data.embedded.length < data.total ? MAX_TEXT_SELECTED : MAX_TEXT);
  const byIntent = new Map<string, CaseResult[]>();
  for (const r of data.embedded) {
    const key = `${r.case.packId}/${r.case.principleId}/${r.case.intentId ?? '(twins)'}`;
    (byIntent.get(key) ?? byIntent.set(key, []).get(key))?.push(r);
  }
  return data.intents.map((o) => {
    const cases = (byIntent.get(o.key) ?? []).map((r): TranscriptCase => {
      const outcome = caseOutcome(r);
      return {
        id: r.caseId,
        kind: r.case.kind,
        mutation: r.case.mutation,
        label: rephrasingLabel(r.case),
        family: mutationFamily(r.case.mutation),
        split: r.case.split,
        expect: r.case.expect,
        sample: r.case.sample,
        verdict: r.judgement.verdict,
        outcome,
        flags: flagsOf(r, outcome),
        confidence: Math.round(r.judgement.confidence * 100) / 100,
        uncertain: isUncertain(r.judgement),
        held: caseHeld(r),
        signals: signalNames(r.judgement.signals),
        ...(r.case.system !== undefined || r.case.prefix
          ? {
              context: [
                ...(r.case.system === undefined ? [] : [{ role: 'system', content: cut(r.case.system) }]),
                ...(r.case.prefix ?? []).map((m) => ({ role: m.role, content: cut(m.content) })),
              ],
            }
          : {}),
        turns: r.case.turns.slice(0, Math.max(1, r.turns.length)).map((t, i) => {
          const tr = r.turns[i];
          return {
            user: cut(t.content),
            assistant: tr?.response ? cut(tr.response.text) : null,
            verdict: tr?.judgement.verdict ?? 'not run',
            expect: t.expect,
            ...(tr?.error ? { error: `${tr.error.kind}: ${tr.error.message}` } : {}),
          };
        }),
      };
    });
    return {
      key: o.key,
      principle: o.principle,
      intent: o.intent,
      broken: o.broken,
      overRefused: o.overRefused,
      errors: o.errors,
      uncertain: o.uncertain,
      notUnderstood: o.notUnderstood,
      leaked: o.leaked,
      total: o.cases,
      cases,
    };
  });
}
