/** Word-level helpers shared by features and signals: tokens, stop words, a light stemmer. */
export const STOP = new Set(
  'the a an and or but of to in on at for with from by is are was were be been being do does did how what why who whom which when where can could should would will shall may might i you he she it we they my your his her its our their me him them this that these those there here as if so than then into about over under not no yes just also very more most some any all each every much many such own same other only dont help anyone someone people person request requests information provide give make way ways thing things never always'.split(
    ' ',
  ),
);

const SUFFIX = /(?:ations?|ations|ingly|ments?|ness|ities|ity|ions?|ing|ive|ous|ful|able|ible|ers?|ed|es|ly|s|e)$/;

/** Cuts common English suffixes so "deceive", "deceptive" and "deception" meet at a shared prefix. */
export function stem(word: string): string {
  const w = word.replace(/'s$/, '');
  if (w.length <= 4) return w;
  const s = w.replace(SUFFIX, '');
  return s.length >= 3 ? s : w;
}

/** Content words (longer than three letters, not stop words) of a text, lowercased: letters and apostrophes. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c === 39 && start >= 0)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start > 3) {
        const w = lower.slice(start, i);
        if (!STOP.has(w)) out.add(w);
      }
      start = -1;
    }
  }
  return out;
}
