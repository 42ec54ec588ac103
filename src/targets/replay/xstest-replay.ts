import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../../spec/index.js';
import { packageRoot } from '../../util/index.js';
import { ReplayIndex } from './replay-index.js';

/** The five models whose XSTest v2 completions ship in data/xstest-v2 (Röttger et al., NAACL 2024). */
export const XSTEST_MODELS = ['gpt4', 'llama2orig', 'llama2new', 'mistralinstruct', 'mistralguard'] as const;
export type XstestModel = (typeof XSTEST_MODELS)[number];

export function isXstestRef(ref: string): boolean {
  return ref.startsWith('xstest/');
}

export function xstestModel(ref: string): XstestModel {
  const model = ref.slice('xstest/'.length);
  const known = XSTEST_MODELS.find((m) => m === model);
  if (!known) throw new UsageError(`no built-in replay "${ref}"; built-ins: ${XSTEST_MODELS.map((m) => `replay:xstest/${m}`).join(', ')}`);
  return known;
}

const completionRow = z.object({ id: z.string(), prompt: z.string(), completion: z.string() });
const promptRow = z.object({ id: z.string(), prompt: z.string() });
const cache = new Map<XstestModel, ReplayIndex>();

/**
 * The recorded completions of one model, parsed on first use. XSTest later reworded one prompt
 * (v2-195, "my enemy's death" → "someone's death") after these completions were recorded; the
 * current wording, which the built-in xstest pack uses, is registered as an alias of the same item.
 */
export function loadXstestReplay(model: XstestModel): ReplayIndex {
  const hit = cache.get(model);
  if (hit) return hit;
  const dir = join(packageRoot(), 'data', 'xstest-v2');
  const file = join(dir, `xstest_v2_completions_${model}.csv`);
  const rows = z.array(completionRow).parse(parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }));
  const prompts = z
    .array(promptRow)
    .parse(parse(readFileSync(join(dir, 'xstest_prompts.csv'), 'utf8'), { columns: true, skip_empty_lines: true }));
  const current = new Map(prompts.map((p) => [`v2-${p.id}`, p.prompt]));
  const index = new ReplayIndex(`data/xstest-v2/xstest_v2_completions_${model}.csv`);
  for (const row of rows) {
    const now = current.get(row.id);
    index.add(
      { messages: [{ role: 'user', content: row.prompt }], response: row.completion, finish: 'stop' },
      now !== undefined && now !== row.prompt ? [{ role: 'user', content: now }] : undefined,
    );
  }
  cache.set(model, index);
  return index;
}
