import type { Target } from '../spec/index.js';
import { askAttacker } from './attacker-step.js';
import { getMutator, type FamilyName } from './registry.js';
import { createRng } from './rng.js';
import { parseSelection } from './selection.js';
import { sameText } from './text.js';

export interface MutationOutput {
  text: string;
  /** Lineage `family/variant`; composed steps joined with `+`, e.g. `fiction/nested+base64/standard`. */
  mutation: string;
  language?: string;
}

export interface MutateOptions {
  seed: number;
  /** Writes the generated families (paraphrase, slang, translate, …); without it they are skipped. */
  attacker?: Target;
  signal?: AbortSignal;
}

export interface Skipped {
  family: string;
  reason: string;
}

export interface MutateResult {
  outputs: MutationOutput[];
  skipped: Skipped[];
}

export const NEEDS_ATTACKER_REASON =
  'these families need an attacker model to write them; pass --attacker <target-spec> (e.g. --attacker openai:gpt-4o-mini)';

interface Draft {
  text: string;
  lineage: string[];
  language?: string;
}

async function applyStep(family: FamilyName, item: Draft, o: MutateOptions, skipped: Skipped[]): Promise<Draft[]> {
  const mutator = getMutator(family);
  const out: Draft[] = [];
  if (mutator.kind === 'pure') {
    for (const step of mutator.apply(item.text, createRng(o.seed, family, item.text))) {
      // A step that empties or keeps the text is a bug in the family; never drill it as a rephrasing.
      if (step.text.trim() === '' || sameText(step.text, item.text)) continue;
      out.push({ text: step.text, lineage: [...item.lineage, `${family}/${step.variant}`], language: step.language ?? item.language });
    }
    if (out.length === 0) skipped.push({ family, reason: 'nothing in the prompt for it to change' });
    return out;
  }
  if (!o.attacker) return out;
  const attacker = o.attacker;
  const rewrites = await Promise.all(
    mutator
      .asks(item.text)
      .map(async (ask) => ({ ask, result: await askAttacker({ attacker, ask, prompt: item.text, seed: o.seed, signal: o.signal }) })),
  );
  for (const { ask, result } of rewrites) {
    if (result.ok)
      out.push({ text: result.text, lineage: [...item.lineage, `${family}/${ask.variant}`], language: ask.language ?? item.language });
    else skipped.push({ family: `${family}/${ask.variant}`, reason: result.reason });
  }
  return out;
}

/**
 * Rephrases a prompt with the selected families (`all`, groups, families, `a+b` compositions).
 * Deterministic for a seed: rule-based families draw from a generator seeded by (seed, family,
 * text), and the attacker is asked at temperature 0 with the seed. Attacker families without an
 * attacker are skipped with one reason listing them all, so the CLI prints one notice.
 */
export async function mutate(prompt: string, selection: string[], options: MutateOptions): Promise<MutateResult> {
  const outputs: MutationOutput[] = [];
  const skipped: Skipped[] = [];
  const needAttacker: string[] = [];
  const lineages = new Set<string>();
  for (const chain of parseSelection(selection)) {
    if (!options.attacker && chain.some((f) => getMutator(f).kind === 'attacker')) {
      needAttacker.push(chain.join('+'));
      continue;
    }
    let items: Draft[] = [{ text: prompt, lineage: [] }];
    for (const family of chain) {
      const next: Draft[] = [];
      for (const item of items) next.push(...(await applyStep(family, item, options, skipped)));
      items = next;
    }
    for (const item of items) {
      const mutation = item.lineage.join('+');
      if (lineages.has(mutation) || sameText(item.text, prompt)) continue;
      lineages.add(mutation);
      outputs.push(item.language ? { text: item.text, mutation, language: item.language } : { text: item.text, mutation });
    }
  }
  if (needAttacker.length > 0) skipped.unshift({ family: needAttacker.join(', '), reason: NEEDS_ATTACKER_REASON });
  return { outputs, skipped };
}
