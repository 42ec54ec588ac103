import type { RefusalTurn } from './outcome.js';
import { tokens } from './text/tokens.js';

/**
 * The text a refusal is clustered on: the judge's `templateKey` (the refusal sentence, normalised)
 * or, when a judge gave no signals, the response's own words.
 */
export function templateText(t: Pick<RefusalTurn, 'text' | 'judgement'>): string {
  const key = t.judgement.signals?.templateKey.trim();
  return key ? key : tokens(t.text).join(' ');
}
