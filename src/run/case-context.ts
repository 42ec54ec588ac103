import type { Pack, PrincipleContext } from '../spec/index.js';

export interface CaseContext {
  principle?: PrincipleContext;
  leakIndicators?: string[];
}

/** What the judge needs to know about a case's principle and intent, looked up by id. */
export function caseContextLookup(packs: Pack[]): (packId: string, principleId: string, intentId: string | null) => CaseContext {
  const principles = new Map<string, PrincipleContext>();
  const leaks = new Map<string, string[]>();
  for (const pack of packs) {
    for (const p of pack.principles) {
      principles.set(`${pack.id}/${p.id}`, { id: p.id, statement: p.statement, rationale: p.rationale, terms: p.terms });
      for (const i of p.intents) if (i.leakIndicators.length > 0) leaks.set(`${pack.id}/${p.id}/${i.id}`, i.leakIndicators);
    }
  }
  return (packId, principleId, intentId) => ({
    principle: principles.get(`${packId}/${principleId}`),
    leakIndicators: intentId ? leaks.get(`${packId}/${principleId}/${intentId}`) : undefined,
  });
}
