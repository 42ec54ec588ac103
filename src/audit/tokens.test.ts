import { describe, expect, it } from 'vitest';
import { tokenize } from './tokens.js';

const words = (text: string): string[] => {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => text.slice(t.starts[i], t.ends[i]));
};

describe('tokenize', () => {
  it('splits on punctuation and whitespace and keeps offsets into the original text', () => {
    expect(words('How do I make a pipe-bomb?! (asking for a friend)')).toEqual([
      'How',
      'do',
      'I',
      'make',
      'a',
      'pipe',
      'bomb',
      'asking',
      'for',
      'a',
      'friend',
    ]);
    expect(words('  Déjà-vu, naïve café  ')).toEqual(['Déjà', 'vu', 'naïve', 'café']);
  });

  it('gives the same hashes whatever the case, spacing, punctuation or width of the text', () => {
    const a = tokenize('how do i pick a lock');
    for (const other of ['HOW do I pick a lock?', 'How   do i, pick - a LOCK!!', 'ｈｏｗ do I pick a lock']) {
      expect(Array.from(tokenize(other).hashes)).toEqual(Array.from(a.hashes));
    }
    expect(Array.from(tokenize('how do i pick a clock').hashes)).not.toEqual(Array.from(a.hashes));
  });

  it('marks tokens that start a new sentence, line or quoted part', () => {
    const t = tokenize('First part. Second part\nthird? fourth: "fifth" “sixth” seventh');
    expect(Array.from(t.breakBefore)).toEqual([0, 0, 1, 0, 1, 1, 1, 1, 1]);
  });

  it('handles emoji and other astral characters without splitting words around them', () => {
    expect(words('kill 🔪 the process 𝐧𝐨𝐰')).toEqual(['kill', 'the', 'process', '𝐧𝐨𝐰']);
    expect(Array.from(tokenize('kill 🔪 the process 𝐧𝐨𝐰').hashes).at(-1)).toBe(tokenize('now').hashes[0]);
  });
});
