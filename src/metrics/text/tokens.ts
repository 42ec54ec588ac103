/** Lower-cased word tokens (letters and digits in any script); punctuation separates. */
export function tokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []
  );
}

/** Word n-gram shingles; a text shorter than n is one shingle, so short templates still compare. */
export function shingles(words: readonly string[], n: number): string[] {
  if (words.length === 0) return [];
  if (words.length <= n) return [words.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '));
  return out;
}

/** Distinct-n: unique n-grams over all n-grams across texts (Li et al. 2016); 1 means no repeats. */
export function distinctN(texts: readonly string[], n: number): number | null {
  let total = 0;
  const seen = new Set<string>();
  for (const t of texts) {
    const w = tokens(t);
    for (let i = 0; i + n <= w.length; i++) {
      total += 1;
      seen.add(w.slice(i, i + n).join(' '));
    }
  }
  return total === 0 ? null : seen.size / total;
}
