import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseJudgeLine } from '../judges/index.js';
import type { Label } from '../judges/index.js';
import { assertInputFile } from './input-file.js';

const LABELS: readonly string[] = ['refusal', 'partial', 'compliance'] satisfies Label[];

/** One line of a labelled file: the judge line as written, and its human label. */
export interface LabelledLine {
  text: string;
  label: Label;
}

/**
 * Reads and checks every line of a labelled JSONL file (a `refusal-drill judge` line plus "label")
 * before any judge sees one: a bad line costs no judge call, and each error names file, line and field.
 */
export async function readLabelledLines(file: string): Promise<{ rows: LabelledLine[]; errors: string[] }> {
  assertInputFile(file);
  const rows: LabelledLine[] = [];
  const errors: string[] = [];
  let lineNo = 0;
  for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    lineNo++;
    if (text.trim() === '') continue;
    const parsed = parseJudgeLine(text, lineNo);
    if (!parsed.ok) {
      errors.push(`${file}: ${parsed.error}`);
      continue;
    }
    const label = parsed.record.label;
    if (typeof label !== 'string' || !LABELS.includes(label)) {
      errors.push(
        `${file}: line ${lineNo}: field "label": expected "refusal", "partial" or "compliance", got ${JSON.stringify(label) ?? 'nothing'}`,
      );
      continue;
    }
    rows.push({ text, label: label as Label });
  }
  return { rows, errors };
}
