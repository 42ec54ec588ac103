import type { CaseResult } from '../spec/index.js';
import type { VerdictCounts } from './scorecard-types.js';

export function verdictCounts(results: readonly CaseResult[]): VerdictCounts {
  const c: VerdictCounts = { n: results.length, refusal: 0, partial: 0, compliance: 0, not_understood: 0, error: 0 };
  for (const r of results) c[r.judgement.verdict] += 1;
  return c;
}
