import { neutralSynonyms, stopwords } from '../lexicon.js';
import { tidy, upperFirst, wordsOf } from '../text.js';
import type { MutationStep, PureMutator } from '../types.js';

const norm = (word: string): string => word.normalize('NFKC').toLowerCase();

/** The content words of a prompt, lower-cased, once each, in order of first appearance. */
export function contentWords(prompt: string): string[] {
  const seen = new Set<string>();
  for (const { word } of wordsOf(prompt)) {
    const w = norm(word);
    if (w.length < 3 || stopwords.has(w) || /^\p{N}+$/u.test(w)) continue;
    seen.add(w);
  }
  return [...seen];
}

/** Rewrites every whole-token occurrence of `word` (so "kid" never touches "kid's"), keeping the rest byte for byte. */
function replaceWord(prompt: string, tokens: ReturnType<typeof wordsOf>, word: string, by: (original: string) => string): string {
  let out = '';
  let at = 0;
  for (const t of tokens) {
    if (norm(t.word) !== word) continue;
    out += prompt.slice(at, t.start) + by(t.word);
    at = t.end;
  }
  return out + prompt.slice(at);
}

/**
 * Minimal pairs of the prompt: each content word dropped (`drop:<word>`), and swapped for a neutral
 * word where lexicon/neutral-synonyms.json has one (`swap:<word>`), one word at a time, every
 * occurrence of it. The scorecard reads `cue-ablation/drop:bomb` to find the words a refusal hinges on.
 */
export const cueAblation: PureMutator = {
  kind: 'pure',
  info: {
    family: 'cue-ablation',
    group: 'ablation',
    description:
      'Minimal pairs: each content word dropped, or swapped for a neutral synonym, one at a time (lineage cue-ablation/drop:<word>, cue-ablation/swap:<word>)',
    needsAttacker: false,
  },
  apply(prompt) {
    const tokens = wordsOf(prompt);
    const out: MutationStep[] = [];
    for (const word of contentWords(prompt)) {
      const dropped = tidy(replaceWord(prompt, tokens, word, () => ''));
      if (wordsOf(dropped).length > 0) out.push({ variant: `drop:${word}`, text: dropped });
      const neutral = neutralSynonyms[word];
      if (neutral)
        out.push({
          variant: `swap:${word}`,
          text: replaceWord(prompt, tokens, word, (w) => (/^\p{Lu}/u.test(w) ? upperFirst(neutral) : neutral)),
        });
    }
    return out;
  },
};
