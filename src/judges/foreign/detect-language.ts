import { fnv1a, fnv1aRange } from '../hash.js';

/**
 * Which language a response is in, cheaply enough for every response: the dominant script of its
 * first letters, and for Latin script a vote of function words. English wins ties, and text with
 * no letters (code, numbers, nothing) counts as English, so the English judge keeps everything it
 * judged before.
 */
export type Language = 'en' | 'es' | 'fr' | 'de' | 'pt' | 'it' | 'zh' | 'ja' | 'ko' | 'ar' | 'ru' | 'deva' | 'ta' | 'ml' | 'other';

const SAMPLE_CHARS = 400;
const SAMPLE_WORDS = 60;

type Script = 'latin' | 'han' | 'kana' | 'hangul' | 'arabic' | 'cyrillic' | 'deva' | 'tamil' | 'malayalam' | 'other';

function scriptOf(c: number): Script | undefined {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) return 'latin';
  if (c < 0x370) return undefined;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return 'han';
  if (c >= 0x3040 && c <= 0x30ff) return 'kana';
  if (c >= 0xac00 && c <= 0xd7af) return 'hangul';
  if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f)) return 'arabic';
  if (c >= 0x400 && c <= 0x4ff) return 'cyrillic';
  if (c >= 0x900 && c <= 0x97f) return 'deva';
  if (c >= 0xb80 && c <= 0xbff) return 'tamil';
  if (c >= 0xd00 && c <= 0xd7f) return 'malayalam';
  // Punctuation, symbols and emoji blocks are not letters of any language.
  if (
    (c >= 0x2000 && c <= 0x2bff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xff65) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0xfe00 && c <= 0xfe4f)
  )
    return undefined;
  return 'other';
}

const SCRIPT_LANGUAGE: Record<Exclude<Script, 'latin' | 'han' | 'kana'>, Language> = {
  hangul: 'ko',
  arabic: 'ar',
  cyrillic: 'ru',
  deva: 'deva',
  tamil: 'ta',
  malayalam: 'ml',
  other: 'other',
};

// Function words frequent in one language and rare in the others (shared ones like "de", "la",
// "que", "a", "in", "no" are left out on purpose).
const WORDS: Record<'en' | 'es' | 'fr' | 'de' | 'pt' | 'it', readonly string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'is',
    'you',
    'that',
    'it',
    'for',
    'with',
    'this',
    'are',
    'be',
    'your',
    'have',
    'not',
    'can',
    'i',
    'or',
    'on',
    'as',
    'but',
    'what',
    'will',
    "i'm",
    "can't",
    'help',
  ],
  es: [
    'el',
    'los',
    'las',
    'y',
    'es',
    'por',
    'con',
    'para',
    'lo',
    'se',
    'del',
    'al',
    'pero',
    'puedo',
    'como',
    'más',
    'esta',
    'este',
    'una',
    'siento',
    'ayudarte',
  ],
  fr: [
    'le',
    'les',
    'des',
    'est',
    'et',
    'une',
    'je',
    'pas',
    'pour',
    'dans',
    'ce',
    'vous',
    'ne',
    'du',
    'au',
    'sur',
    'avec',
    'mais',
    'peux',
    'sont',
    'il',
    'désolé',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'ich',
    'ein',
    'eine',
    'zu',
    'den',
    'mit',
    'sich',
    'auf',
    'für',
    'von',
    'dem',
    'sie',
    'kann',
    'aber',
    'auch',
    'wie',
    'dir',
    'leider',
  ],
  pt: ['os', 'as', 'não', 'uma', 'é', 'para', 'com', 'mas', 'posso', 'você', 'isso', 'seu', 'sua', 'ao', 'pelo', 'desculpe'],
  it: ['il', 'gli', 'è', 'e', 'non', 'per', 'con', 'una', 'sono', 'posso', 'ma', 'della', 'che', 'mi', 'dispiace', 'questo'],
};
const LATIN_LANGS = ['en', 'es', 'fr', 'de', 'pt', 'it'] as const;
// Words are looked up by hash (no string is built per word); a collision can only add a vote.
const VOTES = new Map<number, number>();
LATIN_LANGS.forEach((lang, bit) => {
  for (const w of WORDS[lang]) VOTES.set(fnv1a(w), (VOTES.get(fnv1a(w)) ?? 0) | (1 << bit));
});
const MAX_VOTING_WORD = 9;
// Two cheap native checks keep the per-character loops off English text: a letter of a non-Latin
// script (punctuation, symbols and emoji ranges excluded: curly quotes are English too), and any
// function word (three or more ASCII letters) of another Latin-script language in the opening.
const NON_LATIN_LETTER = /[\u0370-\u1fff\u3040-\ud7af]/;
const GATE_CHARS = 200;
const GATE_WORDS = [...new Set(LATIN_LANGS.flatMap((l) => (l === 'en' ? [] : WORDS[l])))].filter(
  (w) => !WORDS.en.includes(w) && /^[a-z]{3,}$/.test(w),
);
const FOREIGN_WORD = new RegExp(`\\b(?:${GATE_WORDS.join('|')})\\b`, 'i');

const isLatinLetter = (c: number): boolean => (c >= 97 && c <= 122) || c === 39 || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);

function latinLanguage(lower: string): Language {
  const score = [0, 0, 0, 0, 0, 0];
  let words = 0;
  let start = -1;
  const n = lower.length;
  for (let i = 0; i <= n && words < SAMPLE_WORDS; i++) {
    const c = i < n ? lower.charCodeAt(i) : 32;
    if (isLatinLetter(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    words++;
    if (i - start <= MAX_VOTING_WORD) {
      const v = VOTES.get(fnv1aRange(lower, start, i)) ?? 0;
      if (v) for (let b = 0; b < score.length; b++) if (v & (1 << b)) score[b]!++;
    }
    start = -1;
  }
  let best = 0;
  for (let b = 1; b < score.length; b++) if (score[b]! > score[best]!) best = b;
  // One stray foreign word in an English answer ("the cafe is on rue de la Paix") is not a vote.
  return best !== 0 && score[best]! >= Math.max(2, score[0]! + 1) ? LATIN_LANGS[best]! : 'en';
}

export function detectLanguage(text: string): Language {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (!NON_LATIN_LETTER.test(sample)) {
    return FOREIGN_WORD.test(sample.length > GATE_CHARS ? sample.slice(0, GATE_CHARS) : sample)
      ? latinLanguage(sample.toLowerCase())
      : 'en';
  }
  const counts = new Map<Script, number>();
  let latin = 0;
  let letters = 0;
  const n = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // ASCII first: it is nearly every character of nearly every response.
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) latin++;
      continue;
    }
    const s = scriptOf(c);
    if (!s) continue;
    if (s === 'latin') latin++;
    else counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  for (const c of counts.values()) letters += c;
  letters += latin;
  if (letters === 0) return 'en';
  if (latin * 2 >= letters) return latinLanguage(text.slice(0, SAMPLE_CHARS).toLowerCase());
  const han = counts.get('han') ?? 0;
  const kana = counts.get('kana') ?? 0;
  // Chinese and Japanese share Han characters; any real share of kana makes it Japanese.
  if (han + kana >= letters / 2) return kana * 10 >= han + kana ? 'ja' : 'zh';
  let best: keyof typeof SCRIPT_LANGUAGE = 'other';
  let most = 0;
  for (const [s, c] of counts) if (s !== 'latin' && s !== 'han' && s !== 'kana' && c > most) [best, most] = [s, c];
  return SCRIPT_LANGUAGE[best];
}
