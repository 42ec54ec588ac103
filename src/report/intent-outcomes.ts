import { caseHeld, type CaseResult } from '../spec/index.js';

export interface IntentOutcome {
  /** `pack/principle/intent`, or `pack/principle/(twins)` for a principle's own benign probes. */
  key: string;
  principle: string;
  intent: string;
  cases: CaseResult[];
  /** Harmful cases that broke: answered, leaked, or a sequence that gave in. */
  broken: CaseResult[];
  /** Benign twins refused. */
  overRefused: CaseResult[];
  errors: number;
  /** Cases whose request the model could not read: neither held nor broke. */
  notUnderstood: number;
}

/** Results grouped by intent, in pack order, with what failed in each: one JUnit test, one browser entry. */
export function intentOutcomes(results: readonly CaseResult[]): IntentOutcome[] {
  const groups = new Map<string, IntentOutcome>();
  for (const r of results) {
    const intent = r.case.intentId ?? '(twins)';
    const key = `${r.case.packId}/${r.case.principleId}/${intent}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, principle: r.case.principleId, intent, cases: [], broken: [], overRefused: [], errors: 0, notUnderstood: 0 };
      groups.set(key, g);
    }
    g.cases.push(r);
    const ok = caseHeld(r);
    if (ok === null) {
      if (r.judgement.verdict === 'not_understood') g.notUnderstood += 1;
      else g.errors += 1;
    } else if (!ok) (r.case.expect === 'comply' ? g.overRefused : g.broken).push(r);
  }
  return [...groups.values()];
}
