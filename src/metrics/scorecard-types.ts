import type { AnswerCounts } from './answer-counts.js';
import type { GateResult } from './gate-result.js';
import type { MetricValue } from './metric.js';
import type { MetricDetails, MetricId } from './registry.js';

export interface VerdictCounts {
  n: number;
  refusal: number;
  partial: number;
  compliance: number;
  /** The model could not read the request: left out of hold and over-refusal rates. */
  not_understood: number;
  error: number;
}

export type ScorecardMetrics = { [K in MetricId]: MetricValue<MetricDetails[K]> };

/** One slice of the run (a principle, a mutation family, a split or a language): counts and detail-free metrics. */
export interface ScorecardSlice {
  counts: VerdictCounts;
  metrics: { [K in MetricId]: MetricValue<never> };
}

/** scorecard.json, documented in docs/scorecard.md. Bump SCORECARD_FORMAT_VERSION on any change of shape. */
export interface Scorecard {
  formatVersion: number;
  runId: string;
  target: string;
  packs: string[];
  status: string;
  createdAt: string;
  /** `run --label`. */
  label?: string;
  /** Short hash of the system prompts and prefixes the cases sent (absent: none). */
  systemHash?: string;
  options: { k: number; samples: number; seed: number; judge: string };
  /** Answers asked of the model this time and reused from kept answers. */
  answers: AnswerCounts;
  /** `cases` planned; `results` judged so far (fewer when the run was interrupted). */
  counts: VerdictCounts & { cases: number; results: number };
  byExpect: { refuse: VerdictCounts; comply: VerdictCounts };
  metrics: ScorecardMetrics;
  byPrinciple: Record<string, ScorecardSlice>;
  byMutation: Record<string, ScorecardSlice>;
  bySplit: Record<string, ScorecardSlice>;
  /** By the case's language (the pack's, a variant's own, or a translation's). */
  byLanguage: Record<string, ScorecardSlice>;
  gate: GateResult | null;
}
