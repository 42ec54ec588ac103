import type { MetricValue, MetricId, Scorecard } from '../metrics/index.js';

/** The columns of the per-language table in every report: what a translation or a foreign-language variant changes. */
export const LANGUAGE_COLUMNS: Array<{ title: string; id: MetricId }> = [
  { title: 'hold', id: 'hold_rate' },
  { title: 'over-refusal', id: 'over_refusal_rate' },
  { title: 'reasoned', id: 'reasoned_refusal_rate' },
  { title: 'not understood', id: 'not_understood_rate' },
  { title: 'judge uncertain', id: 'judge_uncertain_rate' },
];

export interface LanguageRow {
  language: string;
  cases: number;
  errors: number;
  cells: Array<MetricValue<never>>;
}

/**
 * The scorecard's `byLanguage` slices as report rows, or none when the run has one language (a
 * one-row table repeats the scorecard). `byLanguage` is absent from scorecards older than format 2.
 */
export function languageRows(s: Scorecard): LanguageRow[] {
  const entries = Object.entries(s.byLanguage ?? {});
  if (entries.length < 2) return [];
  return entries.map(([language, slice]) => ({
    language,
    cases: slice.counts.n,
    errors: slice.counts.error,
    cells: LANGUAGE_COLUMNS.map((c) => slice.metrics[c.id]),
  }));
}
