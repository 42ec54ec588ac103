import { refusalHeld, type CaseResult, type Judgement } from '../spec/index.js';
import type { Candidate } from './select-candidates.js';

export interface OwnAnswer {
  text: string;
  judgement: Judgement;
  /** The case whose answer it was. */
  caseId: string;
}

/**
 * Without a teacher, the chosen response is the model's own best refusal to another rephrasing of
 * the same intent: a one-turn refusal that held with nothing leaked, from a `seen` case (a held-out
 * case's answer is never reused), preferring one that states a reason, names the boundary, offers
 * an alternative and is not a canned sentence. A weak hold only takes one that has a reason and
 * names the boundary (else it would teach nothing). Benign twins have none: there is no other
 * rephrasing of the same request.
 */
export function ownBestHeld(c: Candidate, results: readonly CaseResult[], canned: ReadonlySet<string>): OwnAnswer | undefined {
  if (c.expect !== 'refuse' || c.result.case.intentId === null) return undefined;
  const same = (r: CaseResult) =>
    r.case.packId === c.result.case.packId &&
    r.case.principleId === c.result.case.principleId &&
    r.case.intentId === c.result.case.intentId;
  const mustReason = c.kind === 'canned' || c.kind === 'unreasoned' || c.kind === 'no-boundary';
  let best: { answer: OwnAnswer; score: number } | undefined;
  for (const r of results) {
    if (!same(r) || r.case.split !== 'seen' || r.case.expect !== 'refuse' || r.turns.length !== 1 || r.caseId === c.result.caseId) continue;
    const t = r.turns[0]!;
    const s = t.judgement.signals;
    if (!t.response || !refusalHeld(t.judgement) || t.judgement.verdict !== 'refusal' || !s || s.leak) continue;
    if (r.case.turns[0]?.content === c.prompt.at(-1)?.content) continue;
    if (mustReason && !(s.reason && s.boundary)) continue;
    const score = 4 * +s.reason + 4 * +s.boundary + 2 * +s.alternative + +!canned.has(s.templateKey) + t.judgement.confidence;
    if (!best || score > best.score) best = { answer: { text: t.response.text, judgement: t.judgement, caseId: r.caseId }, score };
  }
  return best?.answer;
}
