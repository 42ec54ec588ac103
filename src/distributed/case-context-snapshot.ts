import { z } from 'zod';
import type { CaseContext } from '../run/case-context.js';
import type { DrillCase, Pack } from '../spec/index.js';

const principleSchema = z.object({
  id: z.string(),
  statement: z.string(),
  rationale: z.string().optional(),
  terms: z.array(z.string()).optional(),
});

export const contextSnapshotSchema = z.object({
  principles: z.record(z.string(), principleSchema),
  leaks: z.record(z.string(), z.array(z.string())),
});
export type ContextSnapshot = z.infer<typeof contextSnapshotSchema>;

/**
 * What the judge needs from the packs, captured when the run is queued: workers on other machines
 * then need neither the pack files nor the same working directory.
 */
export function snapshotContext(packs: Pack[]): ContextSnapshot {
  const out: ContextSnapshot = { principles: {}, leaks: {} };
  for (const pack of packs) {
    for (const p of pack.principles) {
      out.principles[`${pack.id}/${p.id}`] = { id: p.id, statement: p.statement, rationale: p.rationale, terms: p.terms };
      for (const i of p.intents) if (i.leakIndicators.length > 0) out.leaks[`${pack.id}/${p.id}/${i.id}`] = i.leakIndicators;
    }
  }
  return out;
}

export function contextFromSnapshot(snapshot: ContextSnapshot, c: DrillCase): CaseContext {
  return {
    principle: snapshot.principles[`${c.packId}/${c.principleId}`],
    leakIndicators: c.intentId ? snapshot.leaks[`${c.packId}/${c.principleId}/${c.intentId}`] : undefined,
  };
}
