import type { PackProblem } from '../packs/index.js';
import { UsageError, type Pack } from '../spec/index.js';
import { FAMILY_NAMES, getMutator, isFamilyName, type FamilyName } from './registry.js';
import { MUTATOR_GROUPS, type MutatorGroup } from './types.js';

function isGroup(name: string): name is MutatorGroup {
  return (MUTATOR_GROUPS as readonly string[]).includes(name);
}

function unknown(name: string): UsageError {
  return new UsageError(
    `unknown mutator family "${name}"; expected all, a group (${MUTATOR_GROUPS.join(', ')}), a family (${FAMILY_NAMES.join(', ')}) or families joined with + (e.g. fiction+base64); see \`refusal-drill mutators\``,
  );
}

/**
 * Turns a selection (`all`, group names, family names, `a+b` compositions) into the chains of
 * families to apply, each once, in the order given. A composition applies left to right.
 */
export function parseSelection(selection: readonly string[]): FamilyName[][] {
  const chains = new Map<string, FamilyName[]>();
  const add = (chain: FamilyName[]): void => void chains.set(chain.join('+'), chain);
  for (const raw of selection.flatMap((s) => s.split(','))) {
    const item = raw.trim();
    if (item === '') continue;
    if (item === 'all') FAMILY_NAMES.forEach((f) => add([f]));
    else if (isGroup(item)) FAMILY_NAMES.filter((f) => getMutator(f).info.group === item).forEach((f) => add([f]));
    else {
      const steps = item.split('+').map((s) => s.trim());
      const chain: FamilyName[] = [];
      for (const step of steps) {
        if (!isFamilyName(step)) throw unknown(step);
        chain.push(step);
      }
      add(chain);
    }
  }
  return [...chains.values()];
}

/** A pack check (see `PackCheck`): every `mutate:` list in a pack names known families, found at load time with its line. */
export function checkPackMutators(pack: Pack): PackProblem[] {
  const problems: PackProblem[] = [];
  const check = (list: readonly string[] | undefined, path: Array<string | number>): void =>
    list?.forEach((item, i) => {
      try {
        parseSelection([item]);
      } catch (e) {
        if (!UsageError.isInstance(e)) throw e;
        problems.push({ path: [...path, i], message: e.message });
      }
    });
  check(pack.mutate, ['mutate']);
  pack.principles.forEach((p, pi) => p.intents.forEach((intent, ii) => check(intent.mutate, ['principles', pi, 'intents', ii, 'mutate'])));
  return problems;
}
