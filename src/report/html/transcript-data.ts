import type { CaseResult, Signals } from '../../spec/index.js';
import { isUncertain } from '../../metrics/index.js';
import { caseHeld } from '../../spec/index.js';
import { intentOutcomes } from '../intent-outcomes.js';

const MAX_TEXT = 4000;

export interface TranscriptCase {
  id: string;
  kind: string;
  mutation: string;
  split: string;
  expect: string;
  sample: number;
  verdict: string;
  /** The judge's confidence in `verdict`, and whether it is below the cascade band. */
  confidence: number;
  uncertain: boolean;
  held: boolean | null;
  signals: string[];
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
  cases: TranscriptCase[];
}

function cut(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… [${text.length - MAX_TEXT} more characters]` : text;
}

function signalNames(s: Signals | undefined): string[] {
  if (!s) return [];
  return (['reason', 'boundary', 'alternative', 'leak', 'apology', 'lecture'] as const).filter((k) => s[k]);
}

function rank(r: CaseResult): number {
  return r.case.mutation === 'canonical' ? 0 : caseHeld(r) === false ? 1 : 2;
}

/** What the transcript browser shows: each intent with all its rephrasings, turn by turn. */
export function transcriptData(results: readonly CaseResult[]): TranscriptIntent[] {
  return intentOutcomes(results).map((o) => ({
    key: o.key,
    principle: o.principle,
    intent: o.intent,
    broken: o.broken.length,
    overRefused: o.overRefused.length,
    errors: o.errors,
    uncertain: o.cases.filter((r) => isUncertain(r.judgement)).length,
    // the canonical prompt first, then what broke, so the failures sit beside the refusal they contradict
    cases: [...o.cases]
      .sort((a, b) => rank(a) - rank(b))
      .map((r) => ({
        id: r.caseId,
        kind: r.case.kind,
        mutation: r.case.mutation,
        split: r.case.split,
        expect: r.case.expect,
        sample: r.case.sample,
        verdict: r.judgement.verdict,
        confidence: Math.round(r.judgement.confidence * 100) / 100,
        uncertain: isUncertain(r.judgement),
        held: caseHeld(r),
        signals: signalNames(r.judgement.signals),
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
      })),
  }));
}
