const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;

/**
 * FNV-1a over a string's UTF-16 code units, unsigned: fast, stable across platforms, no
 * allocation. Hot loops that keep int32 unboxed take `fnv1a(text) | 0` (the same bits, signed).
 */
export function fnv1a(text: string, seed = OFFSET): number {
  return fnv1aRange(text, 0, text.length, seed);
}

/**
 * FNV-1a over `text[start, end)`, continuing from `seed`: hashing "h:" then a word gives the
 * hash of "h:word", so n-gram features are hashed straight from the sentence without slicing.
 */
export function fnv1aRange(text: string, start: number, end: number, seed = OFFSET): number {
  let h = seed >>> 0;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, PRIME);
  }
  return h >>> 0;
}
