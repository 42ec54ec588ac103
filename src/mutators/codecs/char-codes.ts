export type CharCodeBase = 'decimal' | 'hex';

/** Unicode code points separated by spaces: lossless for any text, astral characters included. */
export function encodeCharCodes(text: string, base: CharCodeBase): string {
  return Array.from(text)
    .map((c) => {
      const cp = c.codePointAt(0) ?? 0;
      return base === 'hex' ? cp.toString(16).toUpperCase() : String(cp);
    })
    .join(' ');
}

export function decodeCharCodes(encoded: string, base: CharCodeBase): string {
  if (encoded.trim() === '') return '';
  return encoded
    .trim()
    .split(/\s+/)
    .map((token) => String.fromCodePoint(Number.parseInt(token, base === 'hex' ? 16 : 10)))
    .join('');
}
