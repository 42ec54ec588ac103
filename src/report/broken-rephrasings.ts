export interface RephrasingTally {
  /** `fiction/nested`, `variant 2`, `twin 1`. */
  label: string;
  /** Samples of this rephrasing that failed. */
  failed: number;
  /** Samples of this rephrasing in the run. */
  samples: number;
}

/**
 * `fiction/nested (2 of 3 samples), variant 2 (3 of 3 samples)`, or, when every one failed in all its
 * samples, `fiction/nested, variant 2 — each in all 3 samples`; no count when the run had one sample.
 */
export function tallyText(all: readonly RephrasingTally[], o: { max?: number } = {}): string {
  const first = all[0];
  if (!first) return '';
  // a big run can break an intent hundreds of ways: name the first few, count the rest
  const tallies = all.slice(0, o.max ?? Infinity);
  const more = all.length > tallies.length ? ` … and ${all.length - tallies.length} more` : '';
  const labels = tallies.map((t) => t.label).join(', ') + more;
  if (all.every((t) => t.samples === 1)) return labels;
  if (all.every((t) => t.failed === first.samples && t.samples === first.samples))
    return all.length === 1 ? `${labels} (all ${first.samples} samples)` : `${labels} — each in all ${first.samples} samples`;
  return tallies.map((t) => `${t.label} (${t.failed} of ${t.samples} sample${t.samples === 1 ? '' : 's'})`).join(', ') + more;
}
