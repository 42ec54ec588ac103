/** Where an audited prompt comes from: the pack's own texts, a listed file, or a generated candidate. */
export type DrillPromptKind = 'prompt' | 'variant' | 'twin' | 'sequence-turn' | 'listed' | 'candidate';

/** One prompt text to audit. Indexing the drill side (small) lets the corpus (huge) stream past. */
export interface DrillPrompt {
  /** Stable id, the planner's case id where there is one (`<pack>/<principle>/<intent>/variant/2`). */
  caseId: string;
  text: string;
  kind: DrillPromptKind;
  /** `<pack>/<principle>/<intent>` when the prompt asks for that intent; suggestions group by it. */
  intent?: string;
  /** For sequence turns, the id of the sequence case they belong to. */
  sequence?: string;
  /** For generated candidates, the mutation lineage that produced them. */
  mutation?: string;
}
