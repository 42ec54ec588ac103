import { fmix32, fnv1a } from '../util/index.js';
import { FNV_OFFSET, FNV_PRIME } from './hash32.js';

/**
 * Tokens of one text: a 32-bit hash per token and its char offsets in the ORIGINAL text, so
 * evidence can quote the corpus exactly. A token is a run of letters, digits and marks after
 * NFKC and lower-casing; punctuation and whitespace only separate. `breakBefore` marks tokens
 * preceded by a line or sentence end, a colon or a quote mark: where segments are cut, so a
 * prompt quoted inside a longer text is compared on its own.
 */
export interface Tokens {
  count: number;
  hashes: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  breakBefore: Uint8Array;
}

// ASCII classes: 0 separator, 1 word char, 2 upper-case letter (folded), 3 segment break.
const ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII[c] = 1;
for (let c = 97; c <= 122; c++) ASCII[c] = 1;
for (let c = 65; c <= 90; c++) ASCII[c] = 2;
// Segment breaks: line and sentence ends, and colons and quotes, which set off a quoted request.
for (const ch of '\n.!?:"') ASCII[ch.charCodeAt(0)] = 3;

const WORD = /^[\p{L}\p{N}\p{M}]/u;
// Non-ASCII BMP chars classified once each: 0 unknown, 1 separator, 2 word.
const BMP = new Uint8Array(65536);

function nonAsciiWord(text: string, i: number, c: number): boolean {
  if (c >= 0xd800 && c <= 0xdbff) return WORD.test(String.fromCodePoint(text.codePointAt(i) ?? c));
  let k = BMP[c];
  if (k === 0) BMP[c] = k = WORD.test(String.fromCharCode(c)) ? 2 : 1;
  return k === 2;
}

/** Reusable token arrays: the corpus scan tokenizes millions of texts into one buffer. */
export class TokenBuffer implements Tokens {
  count = 0;
  hashes = new Int32Array(256);
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  breakBefore = new Uint8Array(256);

  grow(): void {
    const size = this.hashes.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.hashes = copy(this.hashes, new Int32Array(size));
    this.starts = copy(this.starts, new Int32Array(size));
    this.ends = copy(this.ends, new Int32Array(size));
    this.breakBefore = copy(this.breakBefore, new Uint8Array(size));
  }
}

export function tokenizeInto(text: string, out: TokenBuffer): void {
  const n = text.length;
  let count = 0;
  let i = 0;
  let brk = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 128) {
      const k = ASCII[c];
      if (k === 0 || k === 3) {
        if (k === 3) brk = 1;
        i++;
        continue;
      }
    } else if (!nonAsciiWord(text, i, c)) {
      if (c === 0x201c || c === 0x201d || c === 0x3002) brk = 1; // “ ” 。
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    let ascii = true;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 128) {
        const k = ASCII[c];
        if (k === 0 || k === 3) break;
        h = Math.imul(h ^ (k === 2 ? c + 32 : c), FNV_PRIME);
        i++;
      } else {
        if (!nonAsciiWord(text, i, c)) break;
        ascii = false;
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      }
    }
    // Rare path: NFKC folds full-width letters, ligatures and the like onto their plain forms.
    if (!ascii) h = fnv1a(text.slice(start, i).normalize('NFKC').toLowerCase()) | 0;
    if (count === out.hashes.length) out.grow();
    out.hashes[count] = fmix32(h);
    out.starts[count] = start;
    out.ends[count] = i;
    out.breakBefore[count] = brk;
    brk = 0;
    count++;
  }
  out.count = count;
}

/** Tokens of one text in arrays of their own (the drill side keeps them). */
export function tokenize(text: string): Tokens {
  const buf = new TokenBuffer();
  tokenizeInto(text, buf);
  const { count } = buf;
  return {
    count,
    hashes: buf.hashes.slice(0, count),
    starts: buf.starts.slice(0, count),
    ends: buf.ends.slice(0, count),
    breakBefore: buf.breakBefore.slice(0, count),
  };
}
