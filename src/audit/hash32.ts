/**
 * 32-bit hashing primitives for the audit's hot loop. Everything is SIGNED int32 (Math.imul,
 * `| 0`) and lives in Int32Arrays: V8 keeps int32 unboxed, while uint32 values above 2^31 fall
 * back to doubles and made the scan several times slower.
 */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** Murmur3's finaliser: spreads every input bit over the output, so low bits can index tables. */
export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** FNV-1a over UTF-16 code units; the tokenizer's fast path computes the same value inline. */
export function fnv1a(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

// Two independent odd bases give a 64-bit polynomial hash of a token run from int32 arithmetic.
export const BASE_A = 0x9e3779b1 | 0;
export const BASE_B = 0x85ebca77 | 0;

/** A seeded 32-bit hash of two values, for band keys and densification probes. */
export function hash2(a: number, b: number, seed: number): number {
  return fmix32(Math.imul(fmix32(a ^ seed), 0x27d4eb2f) ^ b);
}
