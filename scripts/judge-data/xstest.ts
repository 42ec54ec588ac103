import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../../src/util/package-root.js';
import type { Label, LabelledRow } from './labelled-row.js';

export const XSTEST_MODELS = ['gpt4', 'llama2new', 'llama2orig', 'mistralguard', 'mistralinstruct'] as const;
export type XstestModel = (typeof XSTEST_MODELS)[number];

const FAMILY: Record<XstestModel, string> = {
  gpt4: 'gpt-4',
  llama2new: 'llama-2',
  llama2orig: 'llama-2',
  mistralguard: 'mistral',
  mistralinstruct: 'mistral',
};

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

/** XSTest v2: five models' answers to 450 prompts, three classes (the authors' `final_label`). */
export function loadXstest(root = packageRoot()): LabelledRow[] {
  return XSTEST_MODELS.flatMap((model) =>
    readXstestCsv(join(root, 'data/xstest-v2', `xstest_v2_completions_${model}.csv`)).map((r) => {
      const label = LABELS[r.final_label]!;
      return {
        id: `xstest/${model}/${r.id}`,
        dataset: 'xstest' as const,
        source: `xstest/${model}`,
        family: FAMILY[model],
        group: model,
        prompt: r.prompt,
        response: r.completion,
        label,
        allowed: [label],
      };
    }),
  );
}
