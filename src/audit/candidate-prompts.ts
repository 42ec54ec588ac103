import type { DrillPrompt } from './drill-prompt.js';

export interface CandidateOutput {
  text: string;
  mutation: string;
}

/**
 * Generated rephrasings of each intent's canonical prompt, to be audited with the pack. Ids
 * match the planner's mutation cases (`<intent>/mutation/<lineage>`), and with the run's seed the
 * texts are the same ones `run --mutate` will send, so their audit marks apply there too.
 */
export async function candidatePrompts(
  prompts: DrillPrompt[],
  expand: (prompt: string) => Promise<CandidateOutput[]>,
): Promise<DrillPrompt[]> {
  const out: DrillPrompt[] = [];
  for (const p of prompts) {
    if (p.kind !== 'prompt' || !p.intent) continue;
    for (const m of await expand(p.text))
      out.push({ caseId: `${p.intent}/mutation/${m.mutation}`, text: m.text, kind: 'candidate', intent: p.intent, mutation: m.mutation });
  }
  return out;
}
