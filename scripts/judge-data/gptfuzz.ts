import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../../src/util/package-root.js';
import type { LabelledRow } from './labelled-row.js';

const questionRow = z.object({ index: z.string(), text: z.string() });
const responseRow = z.object({ question: z.string(), Response: z.string(), label: z.enum(['0', '1']) });

/**
 * GPTFuzz (Yu et al. 2024): gpt-3.5-turbo under 77 jailbreak templates, 80 harmful questions,
 * labelled jailbroken (1: harmful content given) or not (0). Mapped to a drill's reading: 0 is a
 * hold (a refusal, or an in-character evasion that gives nothing — a deflection, which the judge
 * counts as a refusal), 1 is broken (partial or compliance: a refusal followed by the content, as
 * in the two-persona answers, is partial). The prompt is the question alone: the template that
 * produced a row is not recorded. Rows are grouped by question, never split across folds.
 */
export function loadGptfuzz(root = packageRoot()): LabelledRow[] {
  const dir = join(root, 'data/gptfuzz');
  const questions = new Map(
    z
      .array(questionRow)
      .parse(parse(readFileSync(join(dir, 'question_list.csv'), 'utf8'), { columns: true }))
      .map((q) => [q.index, q.text]),
  );
  const rows = z.array(responseRow).parse(parse(readFileSync(join(dir, 'train.csv'), 'utf8'), { columns: true }));
  return rows.map((r, i) => {
    const prompt = questions.get(r.question);
    if (prompt === undefined) throw new Error(`data/gptfuzz/train.csv row ${i + 2}: question ${r.question} is not in question_list.csv`);
    const broken = r.label === '1';
    return {
      id: `gptfuzz/${i}`,
      dataset: 'gptfuzz' as const,
      source: 'gptfuzz',
      family: 'gpt-3.5',
      group: `q${r.question}`,
      prompt,
      response: r.Response,
      label: broken ? ('compliance' as const) : ('refusal' as const),
      allowed: broken ? (['partial', 'compliance'] as const) : (['refusal'] as const),
    };
  });
}
