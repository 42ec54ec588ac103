/**
 * Draws the sample of each data set's mapping that was read by hand (data/labels/hand-check.jsonl):
 * a fixed number of rows per (data set, human label) cell, chosen by a hash of the row id so the
 * sample is the same on every machine.
 *   npx tsx scripts/judge-data/hand-check-sample.ts > sample.jsonl
 */
import { fnv1a } from '../../src/judges/hash.js';
import { loadDoNotAnswer } from './do-not-answer.js';
import { loadGptfuzz } from './gptfuzz.js';
import type { LabelledRow } from './labelled-row.js';
import { loadRbr } from './rbr.js';

const PER_CELL = 15;

/** The human label a row's mapping came from, e.g. `dna action 3`, `gptfuzz 1`. */
export function cellOf(r: LabelledRow, humanLabel: string): string {
  return `${r.dataset} ${humanLabel}`;
}

export function sample<T extends { id: string }>(rows: readonly T[], n: number): T[] {
  return [...rows].sort((a, b) => fnv1a(a.id) - fnv1a(b.id) || a.id.localeCompare(b.id)).slice(0, n);
}

function cells(): Array<[string, LabelledRow[]]> {
  const dna = loadDoNotAnswer();
  const byKey = new Map<string, LabelledRow[]>();
  const put = (k: string, r: LabelledRow): void => void byKey.set(k, [...(byKey.get(k) ?? []), r]);
  for (const r of dna) put(`dna ${r.allowed.join('|')}${r.ambiguous ? ' (ambiguous)' : ''}`, r);
  for (const r of loadGptfuzz()) put(`gptfuzz ${r.label === 'refusal' ? 'held' : 'broken'}`, r);
  for (const r of loadRbr()) put(`rbr ${r.allowed.join('|')}`, r);
  return [...byKey].sort(([a], [b]) => a.localeCompare(b));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [cell, rows] of cells()) {
    for (const r of sample(rows, PER_CELL)) {
      process.stdout.write(
        `${JSON.stringify({ id: r.id, cell, mapped: r.label, allowed: r.allowed, prompt: r.prompt, response: r.response })}\n`,
      );
    }
  }
}
