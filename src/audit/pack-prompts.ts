import type { AuthoredPrompt, Pack } from '../spec/index.js';
import type { DrillPrompt } from './drill-prompt.js';

function idOf(p: AuthoredPrompt, index: number): string {
  return typeof p === 'string' ? String(index + 1) : (p.id ?? String(index + 1));
}

function textOf(p: AuthoredPrompt): string {
  return typeof p === 'string' ? p : p.text;
}

/**
 * Every prompt text a pack can send: canonical prompts, variants, benign twins and each
 * sequence turn. Ids follow the planner's case ids so audit marks and run results line up.
 */
export function packPrompts(pack: Pack): DrillPrompt[] {
  const out: DrillPrompt[] = [];
  for (const principle of pack.principles) {
    const base = `${pack.id}/${principle.id}`;
    for (const intent of principle.intents) {
      const head = `${base}/${intent.id}`;
      out.push({ caseId: `${head}/prompt`, text: intent.prompt, kind: 'prompt', intent: head });
      intent.variants.forEach((v, i) =>
        out.push({ caseId: `${head}/variant/${idOf(v, i)}`, text: textOf(v), kind: 'variant', intent: head }),
      );
      intent.twins.forEach((t, i) => out.push({ caseId: `${head}/twin/${idOf(t, i)}`, text: textOf(t), kind: 'twin' }));
      for (const seq of intent.sequences) {
        const sequence = `${head}/sequence/${seq.id}`;
        seq.turns.forEach((t, i) => out.push({ caseId: `${sequence}/turn-${i + 1}`, text: t.user, kind: 'sequence-turn', sequence }));
      }
    }
    principle.twins.forEach((t, i) => out.push({ caseId: `${base}/twins/${idOf(t, i)}`, text: textOf(t), kind: 'twin' }));
  }
  return out;
}
