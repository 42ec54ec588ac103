import { changeCells, headlineOrder, refsLabel, sliceLabel } from './change-format.js';
import type { Comparison } from './compare-runs.js';
import type { MetricChange } from './metric-change.js';

/** The slices that differ, arranged for reading; every renderer (text, Markdown, dashboard) lays out this. */
export interface SliceView {
  /** Changes a reader would not guess from the headline: against the overall change, or where it did not move. */
  against: Array<{ slice: string; change: MetricChange }>;
  /** Per headline metric, the slices that moved with it (outside the noise), each with its own change. */
  following: Array<{ overall: MetricChange; slices: Array<{ slice: string; change: string }> }>;
  /** Slices left out because they equal the overall figures; empty when none. */
  sameAsOverall: string;
  sliceCount: number;
}

export function sliceView(c: Comparison): SliceView {
  const { changed, sameAsOverall } = c.slices;
  const against = changed.flatMap((s) => s.changes.filter((m) => !m.withOverall).map((change) => ({ slice: sliceLabel(s), change })));
  const following = headlineOrder(c).flatMap((overall) => {
    const slices = changed.flatMap((s) =>
      s.changes
        .filter((m) => m.withOverall && m.metric === overall.metric)
        .map((m) => ({ slice: sliceLabel(s), change: changeCells(m).change })),
    );
    return slices.length ? [{ overall, slices }] : [];
  });
  return { against, following, sameAsOverall: refsLabel(sameAsOverall), sliceCount: changed.length };
}
