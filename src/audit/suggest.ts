import type { AuditCase, Suggestion } from './audit-report.js';
import type { DrillPrompt } from './drill-prompt.js';

/**
 * Intents with no clean rephrasing among their canonical prompt and variants: every score on
 * them may be memory. Clean generated candidates for such an intent are listed with it, ready
 * to be added to the pack as held-out variants. `cases[i]` is the audit of `prompts[i]`.
 */
export function suggestIntents(prompts: DrillPrompt[], cases: AuditCase[]): Suggestion[] {
  const byIntent = new Map<string, { prompts: number; clean: number; candidates: Suggestion['candidates'] }>();
  prompts.forEach((p, i) => {
    const c = cases[i];
    if (!p.intent || !c) return;
    let entry = byIntent.get(p.intent);
    if (!entry) byIntent.set(p.intent, (entry = { prompts: 0, clean: 0, candidates: [] }));
    if (p.kind === 'prompt' || p.kind === 'variant') {
      entry.prompts++;
      if (c.status === 'clean') entry.clean++;
    } else if (p.kind === 'candidate' && c.status === 'clean') {
      entry.candidates.push(p.mutation ? { caseId: p.caseId, prompt: p.text, mutation: p.mutation } : { caseId: p.caseId, prompt: p.text });
    }
  });
  return [...byIntent]
    .filter(([, e]) => e.prompts > 0 && e.clean === 0)
    .map(([intent, e]) => ({ intent, prompts: e.prompts, candidates: e.candidates }));
}
