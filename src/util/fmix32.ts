/**
 * Murmur3's finaliser: spreads every input bit over the output, so low bits can index tables and
 * one hash yields independent-looking permutations. Signed int32 (V8 keeps it unboxed); take
 * `>>> 0` for the unsigned value.
 */
export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
