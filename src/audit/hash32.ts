import { fmix32 } from '../util/index.js';

/**
 * 32-bit hashing primitives for the audit's hot loop. Everything is SIGNED int32 (Math.imul,
 * `| 0`) and lives in Int32Arrays: V8 keeps int32 unboxed, while uint32 values above 2^31 fall
 * back to doubles and made the scan several times slower. FNV-1a and fmix32 are util's.
 */

/** FNV-1a's constants, for the tokenizer's inline fast path (the same value as `fnv1a(text) | 0`). */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

// Two independent odd bases give a 64-bit polynomial hash of a token run from int32 arithmetic.
export const BASE_A = 0x9e3779b1 | 0;
export const BASE_B = 0x85ebca77 | 0;

/** A seeded 32-bit hash of two values, for band keys and densification probes. */
export function hash2(a: number, b: number, seed: number): number {
  return fmix32(Math.imul(fmix32(a ^ seed), 0x27d4eb2f) ^ b);
}
