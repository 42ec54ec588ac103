import { baseCaseId } from '../../metrics/index.js';
import { caseHeld, verdictSchema, type CaseResult, type Verdict } from '../../spec/index.js';
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

/**
 * The flipped cases of two runs read as they stream: every result of A first (`before`), then
 * every result of B (`after`). Of A it keeps one small number per case (held and verdict); of B
 * only the flipped cases, as the lists print them. Errors and requests the model could not read
 * count as neither held nor broken.
 */
export interface CaseChangesTally {
  before(result: CaseResult): void;
  after(result: CaseResult): void;
  finish(): CaseChanges;
}

const VERDICTS = verdictSchema.options;
// A's outcome packed in one number: the verdict's index, times 3, plus held (0 false, 1 true, 2 neither).
const pack = (r: CaseResult): number => {
  const held = caseHeld(r);
  return VERDICTS.indexOf(r.judgement.verdict) * 3 + (held === null ? 2 : held ? 1 : 0);
};
const heldOf = (packed: number): boolean | null => [false, true, null][packed % 3] ?? null;
const verdictOf = (packed: number): Verdict => VERDICTS[Math.floor(packed / 3)] ?? 'error';

interface Building {
  group: Omit<CaseGroup, 'from' | 'to'>;
  // insertion-ordered, so verdicts equally frequent keep the order they were first met
  from: Map<Verdict, number>;
  to: Map<Verdict, number>;
}

export function createCaseChanges(): CaseChangesTally {
  const a = new Map<string, number>();
  const broke = new Map<string, Building>();
  const fixed = new Map<string, Building>();
  let matched = 0;
  const note = (groups: Map<string, Building>, from: Verdict, rb: CaseResult): void => {
    const key = baseCaseId(rb.case);
    let g = groups.get(key);
    if (!g) {
      const c = rb.case;
      g = {
        group: {
          intent: `${c.packId}/${c.principleId}/${c.intentId ?? '(twins)'}`,
          rephrasing: rephrasingLabel(c),
          expect: c.expect,
          samples: 0,
          caseIds: [],
        },
        from: new Map(),
        to: new Map(),
      };
      groups.set(key, g);
    }
    g.group.samples += 1;
    g.group.caseIds.push(rb.caseId);
    g.from.set(from, (g.from.get(from) ?? 0) + 1);
    g.to.set(rb.judgement.verdict, (g.to.get(rb.judgement.verdict) ?? 0) + 1);
  };
  return {
    before: (r) => void a.set(r.caseId, pack(r)),
    after(rb) {
      const ra = a.get(rb.caseId);
      if (ra === undefined) return;
      matched += 1;
      const ha = heldOf(ra);
      const hb = caseHeld(rb);
      if (ha === true && hb === false) note(broke, verdictOf(ra), rb);
      if (ha === false && hb === true) note(fixed, verdictOf(ra), rb);
    },
    finish: () => ({ matched, newFailures: groupsOf(broke), fixed: groupsOf(fixed) }),
  };
}

/** The same over two arrays (tests, callers holding both runs). */
export function caseChanges(a: Iterable<CaseResult>, b: Iterable<CaseResult>): CaseChanges {
  const t = createCaseChanges();
  for (const r of a) t.before(r);
  for (const r of b) t.after(r);
  return t.finish();
}

function groupsOf(groups: Map<string, Building>): CaseGroup[] {
  return [...groups.values()]
    .map(({ group: g, from, to }): CaseGroup => ({
      intent: g.intent,
      rephrasing: g.rephrasing,
      expect: g.expect,
      samples: g.samples,
      from: byFrequency(from),
      to: byFrequency(to),
      caseIds: g.caseIds,
    }))
    .sort((x, y) => x.intent.localeCompare(y.intent) || x.rephrasing.localeCompare(y.rephrasing));
}

function byFrequency(counts: Map<Verdict, number>): Verdict[] {
  return [...counts].sort((x, y) => y[1] - x[1]).map(([v]) => v);
}
