const TABLE: Record<string, string> = {
  A: '.-',
  B: '-...',
  C: '-.-.',
  D: '-..',
  E: '.',
  F: '..-.',
  G: '--.',
  H: '....',
  I: '..',
  J: '.---',
  K: '-.-',
  L: '.-..',
  M: '--',
  N: '-.',
  O: '---',
  P: '.--.',
  Q: '--.-',
  R: '.-.',
  S: '...',
  T: '-',
  U: '..-',
  V: '...-',
  W: '.--',
  X: '-..-',
  Y: '-.--',
  Z: '--..',
  '0': '-----',
  '1': '.----',
  '2': '..---',
  '3': '...--',
  '4': '....-',
  '5': '.....',
  '6': '-....',
  '7': '--...',
  '8': '---..',
  '9': '----.',
  '.': '.-.-.-',
  ',': '--..--',
  '?': '..--..',
  "'": '.----.',
  '!': '-.-.--',
  '/': '-..-.',
  '(': '-.--.',
  ')': '-.--.-',
  '&': '.-...',
  ':': '---...',
  ';': '-.-.-.',
  '=': '-...-',
  '+': '.-.-.',
  '-': '-....-',
  _: '..--.-',
  '"': '.-..-.',
  $: '...-..-',
  '@': '.--.-.',
};
const REVERSE = new Map(Object.entries(TABLE).map(([ch, code]) => [code, ch]));

/**
 * International Morse: letters separated by spaces, a space in the text becomes "/". Morse has no
 * case, so decode(encode(x)) is x upper-cased; a character with no Morse code passes through as
 * itself (it can never be mistaken for a code, which only uses "." and "-").
 */
export function encodeMorse(text: string): string {
  return Array.from(text)
    .map((c) => (c === ' ' ? '/' : (TABLE[c.toUpperCase()] ?? c)))
    .join(' ');
}

export function decodeMorse(encoded: string): string {
  return encoded
    .split(' ')
    .map((token) => (token === '/' ? ' ' : (REVERSE.get(token) ?? token)))
    .join('');
}

/** What a round trip preserves: letters upper-cased where Morse knows them. */
export function morseNormal(text: string): string {
  return Array.from(text)
    .map((c) => (TABLE[c.toUpperCase()] ? c.toUpperCase() : c))
    .join('');
}
