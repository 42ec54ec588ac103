export interface TriggerWord {
  word: string;
  op: 'drop' | 'swap';
}

/** `cue-ablation/drop:<word>` or `cue-ablation/swap:<word>` (the mutators' documented lineage). */
export function parseCueAblation(lineage: string): TriggerWord | null {
  const m = /^cue-ablation\/(drop|swap):(.+)$/.exec(lineage);
  return m ? { op: m[1] as 'drop' | 'swap', word: m[2] ?? '' } : null;
}
