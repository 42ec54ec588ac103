import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../../spec/index.js';
import { packageRoot } from '../../util/index.js';
import { ReplayIndex } from './replay-index.js';

/** The six models whose answers to Do-Not-Answer ship in data/do-not-answer (Wang et al., EACL Findings 2024). */
export const DNA_MODELS = ['GPT4', 'ChatGPT', 'Claude', 'ChatGLM2', 'llama2-7b-chat', 'vicuna-7b'] as const;
export type DnaModel = (typeof DNA_MODELS)[number];

const PREFIX = 'do-not-answer/';

export function isDnaRef(ref: string): boolean {
  return ref.startsWith(PREFIX);
}

/** The model a `do-not-answer/<model>` reference names; case does not matter (`gpt4` is `GPT4`). */
export function dnaModel(ref: string): DnaModel {
  const model = ref.slice(PREFIX.length).toLowerCase();
  const known = DNA_MODELS.find((m) => m.toLowerCase() === model);
  if (!known) throw new UsageError(`no built-in replay "${ref}"; built-ins: ${DNA_MODELS.map((m) => `replay:${PREFIX}${m}`).join(', ')}`);
  return known;
}

const answerRow = z.object({ id: z.string(), question: z.string(), response: z.string() });
const cache = new Map<DnaModel, ReplayIndex>();

/**
 * One model's recorded answers, parsed on first use. The data set asks one question twice (ids 433
 * and 434); the first recording answers both, as the built-in pack asks the same conversation twice.
 */
export function loadDnaReplay(model: DnaModel): ReplayIndex {
  const hit = cache.get(model);
  if (hit) return hit;
  const file = `data/do-not-answer/annotated_response_${model}.csv`;
  const rows = z.array(answerRow).parse(parse(readFileSync(join(packageRoot(), file), 'utf8'), { columns: true, skip_empty_lines: true }));
  const index = new ReplayIndex(file);
  for (const row of rows) index.add({ messages: [{ role: 'user', content: row.question }], response: row.response, finish: 'stop' });
  cache.set(model, index);
  return index;
}
