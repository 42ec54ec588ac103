/** The grammatical form of a request, which changes what a leading "No," means. */
export type PromptForm = 'yes-no' | 'why' | 'wh' | 'imperative' | 'none';

const YES_NO = /^(?:is|are|was|were|do|does|did|can|could|should|would|will|shall|may|might|has|have|had|am)\b/;
const WH = /^(?:what|which|who|whom|whose|where|when|how)\b/;

/**
 * "No, …" answers "Is it legal to …?" but rebuts "Why should women not vote?". Only the last
 * user turn's first clause is read; an empty prompt (a judge input without one) is `none`.
 */
export function promptForm(prompt: string): PromptForm {
  const p = prompt.trim().toLowerCase();
  if (!p) return 'none';
  if (/^why\b/.test(p)) return 'why';
  if (YES_NO.test(p) && p.includes('?')) return 'yes-no';
  if (WH.test(p)) return 'wh';
  return 'imperative';
}
