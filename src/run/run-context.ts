import type { DrillCase, Pack, PrincipleContext, RunContext } from '../spec/index.js';

/** What the judge needs to know about one case: its principle and the intent's leak indicators. */
export interface CaseContext {
  principle?: PrincipleContext;
  leakIndicators?: string[];
}

export const EMPTY_CONTEXT: RunContext = { principles: {}, leaks: {} };

/**
 * The judge's context from a run's packs, taken once when the run is planned and stored with it,
 * so a resumed run and every worker judge from the same snapshot (see spec/run-context.ts).
 */
export function snapshotContext(packs: Pack[]): RunContext {
  const out: RunContext = { principles: {}, leaks: {} };
  for (const pack of packs) {
    for (const p of pack.principles) {
      out.principles[`${pack.id}/${p.id}`] = { id: p.id, statement: p.statement, rationale: p.rationale, terms: p.terms };
      for (const i of p.intents) if (i.leakIndicators.length > 0) out.leaks[`${pack.id}/${p.id}/${i.id}`] = i.leakIndicators;
    }
  }
  return out;
}

export function caseContext(context: RunContext, c: DrillCase): CaseContext {
  return {
    principle: context.principles[`${c.packId}/${c.principleId}`],
    leakIndicators: c.intentId ? context.leaks[`${c.packId}/${c.principleId}/${c.intentId}`] : undefined,
  };
}
