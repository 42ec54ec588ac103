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

/**
 * Calls `onLine` with each line's bytes (no newline, no trailing CR) and its 1-based number.
 * Splits on the newline byte in Buffers rather than decoding chunks first: the decode then
 * happens once per line, and a partial line is the only thing carried between chunks.
 */
export async function forEachLine(
  stream: Readable,
  onLine: (buf: Buffer, start: number, end: number, line: number) => void,
  signal?: AbortSignal,
): Promise<boolean> {
  // Pieces of a line that spans chunks; kept as a list so a very long line is joined once, not per chunk.
  let carry: Buffer[] = [];
  let line = 0;
  const emit = (buf: Buffer, start: number, end: number): void => {
    line++;
    onLine(buf, start, end > start && buf[end - 1] === 13 ? end - 1 : end, line);
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (signal?.aborted) {
      stream.destroy();
      return false;
    }
    let start = 0;
    let nl = chunk.indexOf(10);
    if (nl < 0) {
      carry.push(chunk);
      continue;
    }
    if (carry.length > 0) {
      const joined = Buffer.concat([...carry, chunk.subarray(0, nl)]);
      carry = [];
      emit(joined, 0, joined.length);
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    while (nl >= 0) {
      emit(chunk, start, nl);
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    if (start < chunk.length) carry.push(chunk.subarray(start));
  }
  if (carry.length > 0) {
    const joined = Buffer.concat(carry);
    if (joined.length > 0) emit(joined, 0, joined.length);
  }
  return true;
}
