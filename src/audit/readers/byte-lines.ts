import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

const CHUNK = 1 << 20;

/** The file as a byte stream, gunzipped when asked; `onBytes` sees bytes read from disk. */
export function openBytes(file: string, gzip: boolean, onBytes: (n: number) => void): Readable {
  const raw = createReadStream(file, { highWaterMark: CHUNK });
  raw.on('data', (chunk) => onBytes(chunk.length));
  if (!gzip) return raw;
  const gunzip = createGunzip({ chunkSize: CHUNK });
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

/** The longest line read whole; a longer one is skipped (a gzip that inflates to one 600 MB line must not take the heap). */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export interface LineOptions {
  signal?: AbortSignal;
  /** Default MAX_LINE_BYTES. */
  maxLineBytes?: number;
  /** A line longer than the limit, dropped unread: its number. */
  onLongLine?: (line: number) => void;
}

/**
 * Calls `onLine` with each line's bytes (no newline, no trailing CR) and its 1-based number.
 * Splits on the newline byte in Buffers rather than decoding chunks first: the decode then
 * happens once per line, and a partial line is the only thing carried between chunks.
 */
export async function forEachLine(
  stream: Readable,
  onLine: (buf: Buffer, start: number, end: number, line: number) => void,
  o: LineOptions = {},
): Promise<boolean> {
  const max = o.maxLineBytes ?? MAX_LINE_BYTES;
  // Pieces of a line that spans chunks; kept as a list so a very long line is joined once, not per chunk.
  let carry: Buffer[] = [];
  let carried = 0;
  let tooLong = false;
  let line = 0;
  const emit = (buf: Buffer, start: number, end: number): void => {
    line++;
    if (tooLong || end - start > max) {
      tooLong = false;
      o.onLongLine?.(line);
      return;
    }
    onLine(buf, start, end > start && buf[end - 1] === 13 ? end - 1 : end, line);
  };
  const hold = (piece: Buffer): void => {
    if (tooLong) return;
    carried += piece.length;
    if (carried > max) {
      tooLong = true;
      carry = [];
      carried = 0;
    } else carry.push(piece);
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (o.signal?.aborted) {
      stream.destroy();
      return false;
    }
    let start = 0;
    let nl = chunk.indexOf(10);
    if (nl < 0) {
      hold(chunk);
      continue;
    }
    if (carry.length > 0 || tooLong) {
      hold(chunk.subarray(0, nl));
      const joined = tooLong ? Buffer.alloc(0) : Buffer.concat(carry);
      carry = [];
      carried = 0;
      emit(joined, 0, joined.length);
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    while (nl >= 0) {
      emit(chunk, start, nl);
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    if (start < chunk.length) hold(chunk.subarray(start));
  }
  if (carry.length > 0 || tooLong) {
    const joined = Buffer.concat(carry);
    if (joined.length > 0 || tooLong) emit(joined, 0, joined.length);
  }
  return true;
}
