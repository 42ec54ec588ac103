import type { Document } from 'yaml';

const fatal = new TextDecoder('utf-8', { fatal: true });

/**
 * A file's bytes as UTF-8 text, or where the first byte that is not UTF-8 sits: Node's 'utf8'
 * decoding replaces such bytes with U+FFFD without a word, and a pack read that way drills a
 * prompt nobody wrote.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { line: number; col: number } {
  try {
    return { text: fatal.decode(bytes) };
  } catch {
    const bad = firstInvalid(bytes);
    const before = bytes.subarray(0, bad);
    let line = 1;
    let start = 0;
    for (let i = 0; i < before.length; i += 1)
      if (before[i] === 0x0a) {
        line += 1;
        start = i + 1;
      }
    return { line, col: bad - start + 1 };
  }
}

/** The offset of the first byte where the UTF-8 decoder gives up (binary search on prefixes). */
function firstInvalid(bytes: Uint8Array): number {
  const valid = (n: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (valid(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A parsed YAML document's value, or why it has none: an alias bomb (`a: &a [*b, *b, …]`, a
 * billion laughs) stops at the yaml library's alias limit with a ReferenceError, which is the
 * input's fault, not a crash.
 */
export function yamlValue(doc: Document): { value: unknown } | { error: string } {
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
