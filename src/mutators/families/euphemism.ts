import { euphemisms } from '../lexicon.js';
import { escapeRegExp, upperFirst } from '../text.js';
import type { PureMutator } from '../types.js';

type Entry = (typeof euphemisms)[number] & { pattern: RegExp };
let entries: Entry[] | undefined;

// Longest phrase first, so "pipe bomb" is replaced before "bomb" can be. Built on first use: the
// lexicon's Unicode patterns take ~10 ms to compile, which a run without --mutate never needs.
const sortedEntries = (): Entry[] =>
  (entries ??= [...euphemisms]
    .sort((a, b) => b.phrase.length - a.phrase.length)
    .map((e) => ({ ...e, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(e.phrase)}(?![\\p{L}\\p{N}])`, 'giu') })));

/** Swaps loaded words and phrases for indirect ones from lexicon/euphemisms.json; not applicable when none occur. */
export const euphemism: PureMutator = {
  kind: 'pure',
  info: {
    family: 'euphemism',
    group: 'oblique',
    description:
      'Indirect wording from a curated lexicon ("bomb" → "loud device", "how do I" → "what would be involved if someone wanted to")',
    needsAttacker: false,
  },
  apply(prompt, rng) {
    let text = prompt;
    let replaced = 0;
    // Placeholders keep a replacement from being matched again by a shorter phrase.
    const done: string[] = [];
    for (const e of sortedEntries()) {
      text = text.replace(e.pattern, (match: string) => {
        replaced += 1;
        const alt = rng.pick(e.alternatives);
        const capital = /^\p{Lu}/u.test(match) && !/^\p{Lu}{2}/u.test(match);
        done.push(capital ? upperFirst(alt) : alt);
        return `\uE000${done.length - 1}\uE000`;
      });
    }
    if (replaced === 0) return [];
    return [{ variant: 'lexicon', text: text.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => done[Number(i)] ?? '') }];
  },
};
