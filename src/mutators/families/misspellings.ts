import type { Rng } from '../rng.js';
import { wordsOf } from '../text.js';
import type { PureMutator } from '../types.js';

type Typo = (word: string, rng: Rng) => string;

// Typos that keep the word readable: the first and last letters stay put.
const TYPOS: Typo[] = [
  (w, rng) => {
    const i = 1 + rng.int(w.length - 3);
    return w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2);
  },
  (w, rng) => {
    const i = 1 + rng.int(w.length - 2);
    return w.slice(0, i) + w.slice(i + 1);
  },
  (w, rng) => {
    const i = 1 + rng.int(w.length - 2);
    return w.slice(0, i) + (w[i] ?? '') + w.slice(i);
  },
];

/** Seeded typos in about a third of the longer words, at least one, so the wording is never unchanged. */
export const misspellings: PureMutator = {
  kind: 'pure',
  info: {
    family: 'misspellings',
    group: 'style',
    description: 'Seeded typos (swapped, dropped or doubled letters) in about a third of the words of 4+ letters',
    needsAttacker: false,
  },
  apply(prompt, rng) {
    const words = wordsOf(prompt).filter((w) => /^\p{L}{4,}$/u.test(w.word));
    if (words.length === 0) return [];
    const chosen = new Set(words.filter(() => rng.next() < 1 / 3));
    if (chosen.size === 0) chosen.add(rng.pick(words));
    let text = '';
    let at = 0;
    for (const w of words) {
      if (!chosen.has(w)) continue;
      let typo = rng.pick(TYPOS)(w.word, rng);
      // A swap of two equal letters changes nothing; doubling always does.
      if (typo === w.word) typo = TYPOS[2]?.(w.word, rng) ?? `${w.word}${w.word.at(-1) ?? ''}`;
      text += prompt.slice(at, w.start) + typo;
      at = w.end;
    }
    return [{ variant: 'typos', text: text + prompt.slice(at) }];
  },
};
