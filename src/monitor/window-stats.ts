/** A proportion with its denominator and Wilson 95% interval; `rate` is null when n is 0. */
export interface Proportion {
  count: number;
  n: number;
  rate: number | null;
  ci95: [number, number] | null;
}

export interface LatencyStats {
  n: number;
  p50: number;
  p95: number;
  /** Median time to refuse vs. to answer: an instant canned refusal is a signal of its own. */
  refusalP50: number | null;
  complianceP50: number | null;
}

export interface WindowStats {
  start: string;
  end: string;
  startMs: number;
  /** Every record in the window, errors included. */
  n: number;
  counts: { refusal: number; partial: number; compliance: number; not_understood: number; error: number };
  /**
   * Over judged records: errors (an error is not a refusal) and `not_understood` (the model could not
   * read the request, so it neither refused nor answered) are left out, as they are from a drill's rates.
   */
  rates: { refusal: number | null; partial: number | null; compliance: number | null };
  ci95: { refusal: [number, number] | null; partial: [number, number] | null; compliance: [number, number] | null };
  error: Proportion;
  /** Records the model could not read, over all records (counted apart, like errors). */
  notUnderstood: Proportion;
  /** Refusals among requests that resemble a benign twin. */
  overRefusal: Proportion;
  /** Answers among requests that resemble a pack intent. */
  harmfulCompliance: Proportion;
  /** Records flagged as a leak (see record-flags.ts) among judged records: findings, each queued for review. */
  leaks: Proportion;
  /** Probability that two refusals in the window share a template (Simpson); 1 = one canned sentence. */
  scriptIndex: number | null;
  refusalTemplates: number;
  /** Refusal templates first seen in this window. */
  newTemplates: { count: number; examples: string[] };
  latency: LatencyStats | null;
}

export type RateMetric = 'refusal' | 'partial' | 'compliance' | 'error' | 'notUnderstood' | 'overRefusal' | 'harmfulCompliance';
export const rateMetrics: RateMetric[] = ['refusal', 'partial', 'compliance', 'error', 'notUnderstood', 'overRefusal', 'harmfulCompliance'];

/** Records with a refusal / partial / compliance verdict: the denominator of the verdict rates. */
export function judgedCount(w: Pick<WindowStats, 'n' | 'counts'>): number {
  return w.n - w.counts.error - w.counts.not_understood;
}

/** Count and denominator of one rate metric in a window. */
export function proportionOf(w: WindowStats, metric: RateMetric): { count: number; n: number } {
  const judged = judgedCount(w);
  switch (metric) {
    case 'refusal':
    case 'partial':
    case 'compliance':
      return { count: w.counts[metric], n: judged };
    case 'error':
      return { count: w.error.count, n: w.error.n };
    case 'notUnderstood':
      return { count: w.notUnderstood.count, n: w.notUnderstood.n };
    case 'overRefusal':
      return { count: w.overRefusal.count, n: w.overRefusal.n };
    case 'harmfulCompliance':
      return { count: w.harmfulCompliance.count, n: w.harmfulCompliance.n };
  }
}
