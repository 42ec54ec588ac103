import type { DrillCase, Intent, Pack, PrefixTurn, Principle, Split } from '../spec/index.js';
import { hashPrompt } from '../util/index.js';
import { promptText, type PromptLike } from './prompt-text.js';

export interface MutationOutput {
  text: string;
  mutation: string;
  language?: string;
}

/** Rephrases a prompt; the mutators module provides it, the planner only calls it. */
export type ExpandMutations = (
  prompt: string,
  selection: string[],
) => Promise<{ outputs: MutationOutput[]; skipped: Array<{ family: string; reason: string }> }>;

export interface PlanOptions {
  packs: Pack[];
  samples: number;
  /** Mutator selection from the CLI; overrides the packs' own `mutate` lists when given. */
  mutate?: string[];
  expandMutations?: ExpandMutations;
  /** Audit marks by prompt hash: a contaminated prompt is `seen`, a clean one `heldout`. */
  splitOverrides?: Map<string, Split>;
  /** Plan one adaptive (crescendo) case per intent; the runner drives it with the attacker. */
  adaptive?: boolean;
  /** `run --system`: every case's system prompt, over the packs' own. */
  system?: string;
}

export interface Plan {
  cases: DrillCase[];
  notices: string[];
}

/** Expands packs into the cases of a run, in a stable order with stable ids. */
export async function planCases(options: PlanOptions): Promise<Plan> {
  const base: DrillCase[] = [];
  const notices = new Set<string>();
  for (const pack of options.packs) {
    for (const principle of pack.principles) {
      for (const intent of principle.intents) {
        const context = applicationContext([intent, principle, pack], options.system);
        base.push(...(await intentCases(pack, principle, intent, options, notices)).map((c) => ({ ...c, ...context })));
      }
      const context = applicationContext([principle, pack], options.system);
      principle.twins.forEach((t, i) =>
        base.push({ ...authored(pack, principle, null, t, { kind: 'twin', key: `twins/${idOf(t, i)}`, expect: 'comply' }), ...context }),
      );
    }
  }
  const cases: DrillCase[] = [];
  for (const c of base) {
    const split = options.splitOverrides ? overrideSplit(c, options.splitOverrides) : undefined;
    const withSplit = split ? { ...c, split } : c;
    for (let s = 0; s < options.samples; s++)
      cases.push(options.samples === 1 ? withSplit : { ...withSplit, id: `${c.id}#${s}`, sample: s });
  }
  return { cases, notices: [...notices] };
}

interface ContextLevel {
  system?: string;
  prefix?: PrefixTurn[];
}

/** The nearest level's system prompt and prefix (intent, then principle, then pack); `--system` over all. */
function applicationContext(levels: ContextLevel[], system: string | undefined): Pick<DrillCase, 'system' | 'prefix'> {
  const s = system ?? levels.find((l) => l.system !== undefined)?.system;
  const prefix = levels.find((l) => l.prefix !== undefined)?.prefix;
  return { ...(s === undefined ? {} : { system: s }), ...(prefix === undefined ? {} : { prefix: prefix.map((m) => ({ ...m })) }) };
}

/**
 * A case is held out only when every turn it sends was audited clean; one contaminated turn makes
 * the whole conversation `seen`. Cases with unaudited turns keep their authored split.
 */
function overrideSplit(c: DrillCase, marks: Map<string, Split>): Split | undefined {
  const splits = c.turns.map((t) => marks.get(hashPrompt(t.content)));
  if (splits.includes('seen')) return 'seen';
  return splits.every((s) => s === 'heldout') ? 'heldout' : undefined;
}

async function intentCases(
  pack: Pack,
  principle: Principle,
  intent: Intent,
  options: PlanOptions,
  notices: Set<string>,
): Promise<DrillCase[]> {
  const split = intent.split ?? pack.split;
  const language = intent.language ?? pack.language;
  const head = `${pack.id}/${principle.id}/${intent.id}`;
  const common = { packId: pack.id, principleId: principle.id, intentId: intent.id, sample: 0 };
  const out: DrillCase[] = [
    {
      ...common,
      id: `${head}/prompt`,
      kind: 'prompt',
      expect: 'refuse',
      split,
      language,
      mutation: 'canonical',
      turns: [{ content: intent.prompt, expect: 'refuse' }],
    },
  ];
  intent.variants.forEach((v, i) =>
    out.push(authored(pack, principle, intent, v, { kind: 'variant', key: `variant/${idOf(v, i)}`, expect: 'refuse' })),
  );
  intent.twins.forEach((t, i) =>
    out.push(authored(pack, principle, intent, t, { kind: 'twin', key: `twin/${idOf(t, i)}`, expect: 'comply' })),
  );
  for (const seq of intent.sequences) {
    out.push({
      ...common,
      id: `${head}/sequence/${seq.id}`,
      kind: 'sequence',
      expect: 'refuse',
      split: seq.split ?? split,
      language,
      mutation: `sequence/${seq.id}`,
      turns: seq.turns.map((t) => ({ content: t.user, expect: t.expect })),
    });
  }
  if (options.adaptive) {
    out.push({
      ...common,
      id: `${head}/adaptive/crescendo`,
      kind: 'adaptive',
      expect: 'refuse',
      split,
      language,
      mutation: 'adaptive/crescendo',
      turns: [{ content: intent.prompt, expect: 'refuse' }],
    });
  }
  const selection = options.mutate ?? intent.mutate ?? pack.mutate;
  if (selection.length > 0 && options.expandMutations) {
    const { outputs, skipped } = await options.expandMutations(intent.prompt, selection);
    for (const s of skipped) notices.add(`mutator ${s.family} skipped: ${s.reason}`);
    for (const m of outputs) {
      out.push({
        ...common,
        id: `${head}/mutation/${m.mutation}`,
        kind: 'mutation',
        expect: 'refuse',
        split,
        language: m.language ?? language,
        mutation: m.mutation,
        turns: [{ content: m.text, expect: 'refuse' }],
      });
    }
  } else if (selection.length > 0) {
    notices.add('mutations requested but no mutator is available; only authored prompts were planned');
  }
  return out;
}

function idOf(p: PromptLike, index: number): string {
  return typeof p === 'string' ? String(index + 1) : (p.id ?? String(index + 1));
}

function authored(
  pack: Pack,
  principle: Principle,
  intent: Intent | null,
  p: PromptLike,
  how: { kind: 'variant' | 'twin'; key: string; expect: 'refuse' | 'comply' },
): DrillCase {
  const text = promptText(p);
  const own: { split?: Split; language?: string } = typeof p === 'string' ? {} : p;
  return {
    id: `${pack.id}/${principle.id}/${intent ? `${intent.id}/` : ''}${how.key}`,
    packId: pack.id,
    principleId: principle.id,
    intentId: intent?.id ?? null,
    kind: how.kind,
    expect: how.expect,
    split: own.split ?? intent?.split ?? pack.split,
    language: own.language ?? intent?.language ?? pack.language,
    mutation: how.kind === 'twin' ? 'benign' : 'authored',
    turns: [{ content: text, expect: how.expect }],
    sample: 0,
  };
}
