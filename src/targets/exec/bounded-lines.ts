import type { Readable } from 'node:stream';

export interface BoundedLinesOptions {
  /** The longest line passed on, in bytes (the newline not counted). */
  maxBytes: number;
  onLine: (line: string) => void;
  /** A line longer than `maxBytes`: its first bytes (to find the id it names); the rest of it is dropped unread. */
  onOverflow: (head: string) => void;
}

const HEAD_BYTES = 256;

/**
 * Splits a child's stdout into UTF-8 lines without ever holding more than `maxBytes` of one:
 * readline would buffer a 100 MB line whole (and three in flight crash the report writer later).
 */
export function boundedLines(input: Readable, o: BoundedLinesOptions): void {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  const overflow = (head: Buffer): void => {
    skipping = true;
    parts = [];
    size = 0;
    o.onOverflow(head.subarray(0, HEAD_BYTES).toString('utf8'));
  };
  input.on('data', (chunk: Buffer) => {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      const piece = chunk.subarray(start, end);
      if (!skipping) {
        if (size + piece.length > o.maxBytes) overflow(Buffer.concat([...parts, piece.subarray(0, HEAD_BYTES)]));
        else {
          parts.push(piece);
          size += piece.length;
        }
      }
      if (nl === -1) break;
      if (!skipping) o.onLine(Buffer.concat(parts, size).toString('utf8').replace(/\r$/, ''));
      parts = [];
      size = 0;
      skipping = false;
      start = nl + 1;
    }
  });
  input.on('end', () => {
    if (!skipping && size > 0) o.onLine(Buffer.concat(parts, size).toString('utf8'));
  });
}
