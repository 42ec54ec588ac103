import { analyse } from '../text/analyse.js';

export interface AugmentRow {
  response: string;
  label: 'refusal' | 'partial' | 'compliance';
}

const PIECES = /(?<=[.!?])\s+|\n+/;

/** The first `k` sentences of a response, in its own words. */
export function firstSentences(text: string, k: number): string {
  return text
    .trim()
    .split(PIECES)
    .filter((p) => p.trim())
    .slice(0, k)
    .join(' ');
}

/**
 * Shortened copies of training responses whose label does not change when shortened: a refusal
 * cut after its refusal sentence is still a refusal; the opening of a long answer is still an
 * answer. Models differ mostly in how much they say, so without these the model learns "short
 * means compliance" from data sets whose refusals all run to a paragraph.
 */
export function augment<T extends AugmentRow>(rows: readonly T[]): T[] {
  const out: T[] = [];
  for (const r of rows) {
    const a = analyse(r.response);
    const n = a.seg.sentences.length;
    if (r.label === 'refusal' && a.firstRefusal >= 0 && a.firstRefusal + 1 < n) {
      out.push({ ...r, response: firstSentences(r.response, a.firstRefusal + 1) });
    } else if (r.label === 'compliance' && a.firstRefusal < 0 && n > 4) {
      out.push({ ...r, response: firstSentences(r.response, 3) });
    }
  }
  return out;
}
