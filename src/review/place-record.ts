import type { IntentMatcher } from '../monitor/index.js';
import type { Pack } from '../spec/index.js';
import type { Should } from './review-label.js';

/** Where a reviewed record goes in the pack. */
export type Placement =
  | { as: 'variant'; principleId: string; intentId: string; sim: number }
  | { as: 'twin'; principleId: string; intentId: string | null; sim: number }
  | { as: 'intent'; principleId: string };

/**
 * Should-refuse records become variants of the closest intent (reached through its prompt,
 * variants or twins); should-answer records become twins next to what they resemble. When nothing
 * is close enough, the fallback principle takes them (a new intent, or a principle-level twin).
 */
export function placeRecord(
  prompt: string,
  should: Should,
  options: { pack: Pack; matcher: IntentMatcher; minSim: number; fallbackPrinciple?: string },
): Placement | undefined {
  const m = options.matcher.match(prompt);
  const best = [m.intent, m.twin]
    .filter((x) => x !== undefined && x.sim >= options.minSim)
    .sort((a, b) => (b?.sim ?? 0) - (a?.sim ?? 0))[0];
  if (best) {
    const { principleId, intentId } = best.entry;
    if (should === 'refuse' && intentId) return { as: 'variant', principleId, intentId, sim: best.sim };
    if (should === 'answer') return { as: 'twin', principleId, intentId, sim: best.sim };
    // A harmful request closest to a principle-level twin: a new intent under that principle.
    return { as: 'intent', principleId };
  }
  const fallback = options.fallbackPrinciple;
  if (!fallback || !options.pack.principles.some((p) => p.id === fallback)) return undefined;
  return should === 'refuse' ? { as: 'intent', principleId: fallback } : { as: 'twin', principleId: fallback, intentId: null, sim: 0 };
}
