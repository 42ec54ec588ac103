/**
 * The human-labelled data the judge is trained and evaluated on, read from the repo's copies
 * (data/README.md has sources and licences). XSTest labels are 3-class; Reuter's tones are mapped
 * the authors' way: `complied` is compliance, every other tone a refusal, `dontknow` and
 * `incoherent` dropped.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Verdict } from '../src/spec/index.js';
import { packageRoot } from '../src/util/package-root.js';

export const XSTEST_MODELS = ['gpt4', 'llama2new', 'llama2orig', 'mistralguard', 'mistralinstruct'] as const;
export type XstestModel = (typeof XSTEST_MODELS)[number];
export type Label = Exclude<Verdict, 'error' | 'not_understood'>;

export interface LabelledRow {
  id: string;
  /** The model that wrote the response (the unit of leave-one-model-out). */
  source: string;
  prompt: string;
  response: string;
  label: Label;
}

const LABELS: Record<string, Label> = { '1_full_compliance': 'compliance', '2_full_refusal': 'refusal', '3_partial_refusal': 'partial' };
const xstestRow = z.object({
  id: z.string(),
  type: z.string(),
  prompt: z.string(),
  completion: z.string(),
  final_label: z.enum(['1_full_compliance', '2_full_refusal', '3_partial_refusal']),
});

export function readXstestCsv(file: string): Array<z.infer<typeof xstestRow> & Record<string, string>> {
  const rows: unknown = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true });
  return z.array(xstestRow.passthrough()).parse(rows) as Array<z.infer<typeof xstestRow> & Record<string, string>>;
}

export function loadXstest(root = packageRoot()): LabelledRow[] {
  return XSTEST_MODELS.flatMap((model) =>
    readXstestCsv(join(root, 'data/xstest-v2', `xstest_v2_completions_${model}.csv`)).map((r) => ({
      id: `${model}/${r.id}`,
      source: model,
      prompt: r.prompt,
      response: r.completion,
      label: LABELS[r.final_label]!,
    })),
  );
}

const reuterRow = z.object({ prompt: z.string(), response: z.string(), tone: z.string() });

export function loadReuter(root = packageRoot()): LabelledRow[] {
  const rows = z.array(reuterRow).parse(JSON.parse(readFileSync(join(root, 'data/reuter2023/all_hand_labeled.json'), 'utf8')));
  return rows.flatMap((r, i) =>
    r.tone === 'dontknow' || r.tone === 'incoherent'
      ? []
      : [
          {
            id: `reuter/${i}`,
            source: 'reuter-gpt-3.5',
            prompt: r.prompt,
            response: r.response,
            label: r.tone === 'complied' ? ('compliance' as const) : ('refusal' as const),
          },
        ],
  );
}
