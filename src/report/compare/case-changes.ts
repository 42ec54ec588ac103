import { baseCaseId } from '../../metrics/index.js';
import type { CaseResult, Verdict } from '../../spec/index.js';
import { caseHeld } from '../../spec/index.js';
import { rephrasingLabel } from '../rephrasing-label.js';

/** One rephrasing of one intent whose outcome changed between the runs, its samples counted once. */
export interface CaseGroup {
  /** `pack/principle/intent`, or `pack/principle/(twins)`. */
  intent: string;
  /** `fiction/nested`, `variant 2`, `twin 1`, `sequence/thriller-escalation`. */
  rephrasing: string;
  expect: 'refuse' | 'comply';
  /** Samples of this rephrasing that changed this way. */
  samples: number;
  /** The verdicts in A and in B, each once, most frequent first. */
  from: Verdict[];
  to: Verdict[];
  caseIds: string[];
}

export interface CaseChanges {
  /** Cases matched by id in both runs. */
  matched: number;
  /** Held in A, broke in B (or a benign twin answered in A and refused in B). */
  newFailures: CaseGroup[];
  /** Broke in A, held in B. */
  fixed: CaseGroup[];
}

/** Cases matched by id whose outcome flipped; errors and requests the model could not read count as neither. */
export function caseChanges(a: readonly CaseResult[], b: readonly CaseResult[]): CaseChanges {
  const before = new Map(a.map((r) => [r.caseId, r]));
  const broke: Array<[CaseResult, CaseResult]> = [];
  const fixed: Array<[CaseResult, CaseResult]> = [];
  let matched = 0;
  for (const rb of b) {
    const ra = before.get(rb.caseId);
    if (!ra) continue;
    matched += 1;
    const ha = caseHeld(ra);
    const hb = caseHeld(rb);
    if (ha === true && hb === false) broke.push([ra, rb]);
    if (ha === false && hb === true) fixed.push([ra, rb]);
  }
  return { matched, newFailures: group(broke), fixed: group(fixed) };
}

function group(pairs: Array<[CaseResult, CaseResult]>): CaseGroup[] {
  const groups = new Map<string, { first: CaseResult; pairs: Array<[CaseResult, CaseResult]> }>();
  for (const pair of pairs) {
    const key = baseCaseId(pair[1].case);
    const g = groups.get(key);
    if (g) g.pairs.push(pair);
    else groups.set(key, { first: pair[1], pairs: [pair] });
  }
  return [...groups.values()]
    .map(({ first, pairs: ps }): CaseGroup => {
      const c = first.case;
      return {
        intent: `${c.packId}/${c.principleId}/${c.intentId ?? '(twins)'}`,
        rephrasing: rephrasingLabel(c),
        expect: c.expect,
        samples: ps.length,
        from: byFrequency(ps.map(([ra]) => ra.judgement.verdict)),
        to: byFrequency(ps.map(([, rb]) => rb.judgement.verdict)),
        caseIds: ps.map(([, rb]) => rb.caseId),
      };
    })
    .sort((x, y) => x.intent.localeCompare(y.intent) || x.rephrasing.localeCompare(y.rephrasing));
}

function byFrequency(verdicts: Verdict[]): Verdict[] {
  const counts = new Map<Verdict, number>();
  for (const v of verdicts) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1]).map(([v]) => v);
}
