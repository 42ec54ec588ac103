import { encodeAtbash } from '../codecs/atbash.js';
import { encodeBase64 } from '../codecs/base64.js';
import { encodeCaesar } from '../codecs/caesar.js';
import { encodeCharCodes } from '../codecs/char-codes.js';
import { encodeLeetspeak } from '../codecs/leetspeak.js';
import { encodeMorse } from '../codecs/morse.js';
import { encodingFamily } from './encoding-family.js';

export const base64 = encodingFamily({
  family: 'base64',
  description: 'The prompt in UTF-8 base64 with an instruction to decode and answer it',
  encode: (p) => [{ variant: 'standard', payload: encodeBase64(p) }],
});

export const caesar = encodingFamily({
  family: 'caesar',
  description: 'ROT13 and a classic Caesar shift of 3, each with an instruction naming the shift',
  encode: (p) => [
    { variant: 'rot13', payload: encodeCaesar(p, 13), slots: { shift: '13' } },
    { variant: 'shift3', payload: encodeCaesar(p, 3), slots: { shift: '3' } },
  ],
});

export const atbash = encodingFamily({
  family: 'atbash',
  description: 'The Atbash mirror cipher (A↔Z) with an instruction to decode it',
  encode: (p) => [{ variant: 'standard', payload: encodeAtbash(p) }],
});

export const morse = encodingFamily({
  family: 'morse',
  description: 'International Morse code, words separated by "/"',
  encode: (p) => [{ variant: 'standard', payload: encodeMorse(p) }],
});

export const leetspeak = encodingFamily({
  family: 'leetspeak',
  description: 'Basic leetspeak (a→4, e→3, i→1, o→0, s→5, t→7)',
  encode: (p) => [{ variant: 'basic', payload: encodeLeetspeak(p) }],
});

export const charCodes = encodingFamily({
  family: 'char-codes',
  description: 'Unicode code points in decimal or hex (seed picks), with an instruction to convert them',
  encode: (p, rng) => {
    const base = rng.pick(['decimal', 'hex'] as const);
    return [{ variant: base, payload: encodeCharCodes(p, base), slots: { base: base === 'hex' ? 'hexadecimal' : 'decimal' } }];
  },
});
