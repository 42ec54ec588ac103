import type { Readable } from 'node:stream';

export type ByteChunk =
  /** Whole lines `firstLine` … `firstLine + lines - 1`, undecoded. */
  | { kind: 'lines'; firstLine: number; lines: number; bytes: Uint8Array }
  /** A line longer than the limit, skipped without holding it in memory. */
  | { kind: 'overlong'; line: number };

const LF = 10;

/**
 * Cuts a byte stream at line ends into chunks of about `targetBytes` without decoding it, so the
 * reading thread only copies bytes and worker threads decode and split their own chunks. A LF
 * byte never occurs inside a multi-byte UTF-8 sequence, so cutting after one never splits a
 * character. Numbering matches `readLines`: LF (or CRLF) ends a line, and a last line without one
 * still counts. A line that grows past `maxLineBytes` is reported and skipped, not buffered.
 */
export async function* byteChunks(input: Readable, o: { targetBytes: number; maxLineBytes: number }): AsyncGenerator<ByteChunk> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let nextLine = 1;
  let skipping = false;
  const take = (): Buffer => {
    const all = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    return all;
  };
  for await (const raw of input) {
    let buf = typeof raw === 'string' ? Buffer.from(raw) : (raw as Buffer);
    if (skipping) {
      const nl = buf.indexOf(LF);
      if (nl < 0) continue;
      skipping = false;
      nextLine += 1;
      buf = buf.subarray(nl + 1);
    }
    pending.push(buf);
    pendingBytes += buf.length;
    if (pendingBytes < o.targetBytes && pendingBytes <= o.maxLineBytes) continue;
    const all = take();
    const cut = all.lastIndexOf(LF);
    if (cut >= 0) {
      const lines = countLf(all, cut + 1);
      yield { kind: 'lines', firstLine: nextLine, lines, bytes: copyOf(all, cut + 1) };
      nextLine += lines;
    }
    const rest = all.subarray(cut + 1);
    if (rest.length > o.maxLineBytes) {
      // No LF in `rest` (it follows the last one): drop bytes until the line ends.
      yield { kind: 'overlong', line: nextLine };
      skipping = true;
    } else if (rest.length) {
      pending.push(rest);
      pendingBytes = rest.length;
    }
  }
  if (skipping) return;
  if (pendingBytes === 0) return;
  const all = take();
  const lines = countLf(all, all.length) + (all[all.length - 1] === LF ? 0 : 1);
  yield { kind: 'lines', firstLine: nextLine, lines, bytes: copyOf(all, all.length) };
}

/** A copy in an ArrayBuffer of its own, which can be transferred to a worker (stream buffers may share a pool). */
function copyOf(buf: Buffer, end: number): Uint8Array {
  const out = new Uint8Array(end);
  out.set(buf.subarray(0, end));
  return out;
}

function countLf(buf: Buffer, end: number): number {
  let n = 0;
  for (let i = buf.indexOf(LF); i >= 0 && i < end; i = buf.indexOf(LF, i + 1)) n += 1;
  return n;
}
