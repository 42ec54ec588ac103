import type { IntentTally } from './intent-tally.js';
import type { RunTally } from './run-tally.js';

/**
 * Intents in the order a pass over the results meets them: by their first harmful single-turn
 * case (`harmful`, which trigger_words reads), or by their first rephrasing (`rephrasing`:
 * hold_all_k and hit_at_k, leaving out intents that only have cue ablations).
 */
export function intentsInOrder(tally: RunTally, by: 'harmful' | 'rephrasing'): Array<[string, IntentTally]> {
  const all = [...tally.intents];
  if (by === 'harmful') return all;
  return all.filter(([, i]) => i.firstRephrasing !== null).sort(([, a], [, b]) => (a.firstRephrasing ?? 0) - (b.firstRephrasing ?? 0));
}
