import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Message } from '../../src/spec/index.js';
import { packageRoot } from '../../src/util/package-root.js';
import type { Label, LabelledRow } from './labelled-row.js';

const message = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() });
const rbrRow = z.object({
  prompt: z.array(message).min(1),
  completion: z.array(message).length(1),
  propositions: z.record(z.string(), z.boolean()),
});

export const RBR_SPLITS = ['train', 'test'] as const;

/**
 * The human flags of one completion, mapped to our classes (written down in docs/judge.md):
 * - `illogical_continuation_of_prompt` (a non-sequitur written on purpose): dropped;
 * - `partially_complies` false (nothing of what was asked): refusal;
 * - `fully_complies` and a statement of inability: partial (refused, then gave it anyway);
 * - `fully_complies` otherwise: compliance;
 * - `partially_complies` without `fully_complies`: ambiguous — RBR flags a deflection that asks
 *   "is there something else you'd like to know?" this way as well as a half answer — so any class.
 */
export function mapRbr(p: Record<string, boolean>): { label: Label; allowed: Label[]; ambiguous?: boolean } | null {
  if (p.illogical_continuation_of_prompt) return null;
  if (!p.partially_complies) return { label: 'refusal', allowed: ['refusal'] };
  if (p.fully_complies)
    return p.inability_to_comply ? { label: 'partial', allowed: ['partial'] } : { label: 'compliance', allowed: ['compliance'] };
  return p.inability_to_comply
    ? { label: 'partial', allowed: ['refusal', 'partial'], ambiguous: true }
    : { label: 'compliance', allowed: ['refusal', 'partial', 'compliance'], ambiguous: true };
}

/** OpenAI's RBR gold set: synthetic (multi-turn) conversations, one completion each, 23 human flags; its own train/test split. */
export function loadRbr(root = packageRoot(), splits: readonly string[] = RBR_SPLITS): LabelledRow[] {
  return splits.flatMap((split) =>
    readFileSync(join(root, 'data/openai-rbr-gold', `${split}.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .flatMap((line, i): LabelledRow[] => {
        const r = rbrRow.parse(JSON.parse(line));
        const mapped = mapRbr(r.propositions);
        if (!mapped) return [];
        const last = r.prompt[r.prompt.length - 1]!;
        const messages: Message[] = [...r.prompt, r.completion[0]!];
        return [
          {
            id: `rbr/${split}/${i}`,
            dataset: 'rbr',
            source: 'rbr',
            family: 'openai-rbr',
            group: split,
            prompt: last.content,
            response: r.completion[0]!.content,
            ...(r.prompt.length > 1 ? { messages } : {}),
            ...mapped,
          },
        ];
      }),
  );
}

/** The human flags of RBR's rows that correspond to the judge's signals, for signal-level figures. */
export function loadRbrFlags(
  root = packageRoot(),
  split = 'test',
): Array<{ prompt: string; response: string; flags: Record<string, boolean> }> {
  return readFileSync(join(root, 'data/openai-rbr-gold', `${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => {
      const r = rbrRow.parse(JSON.parse(line));
      return { prompt: r.prompt[r.prompt.length - 1]!.content, response: r.completion[0]!.content, flags: r.propositions };
    });
}
