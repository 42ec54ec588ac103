import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { byteChunks, type ByteChunk } from './byte-chunks.js';
import { chunkLines } from './chunk-lines.js';
import { readLines } from './read-lines.js';

/** A stream that hands out `text`'s UTF-8 bytes `size` at a time, so characters and CRLFs are split across reads. */
const stream = (text: string, size: number): Readable => {
  const bytes = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
};

async function viaBytes(text: string, read: number, target: number, maxLineBytes = 1 << 20) {
  const lines: Array<[number, string]> = [];
  const overlong: number[] = [];
  let total = 0;
  for await (const c of byteChunks(stream(text, read), { targetBytes: target, maxLineBytes }) as AsyncGenerator<ByteChunk>) {
    if (c.kind === 'overlong') {
      overlong.push(c.line);
      total = c.line;
      continue;
    }
    total = c.firstLine + c.lines - 1;
    lines.push(...chunkLines(c.bytes, c.firstLine).lines);
  }
  return { lines, overlong, total };
}

async function viaReader(text: string) {
  const lines: Array<[number, string]> = [];
  let n = 0;
  for await (const raw of readLines(stream(text, 5))) {
    n += 1;
    if (raw.trim() !== '') lines.push([n, raw]);
  }
  return { lines, total: n };
}

const SAMPLES = [
  'a\nb\nc\n',
  'a\r\nb\r\n\r\nc',
  '\n\n{"x": "héllo wörld ✓ 🙂"}\r\n  \nlast line without newline',
  '{"emoji": "🙂🙂🙂🙂🙂🙂🙂🙂"}\n{"cjk": "漢字漢字漢字"}\n',
  '\r',
  '',
];

describe('byteChunks + chunkLines', () => {
  it('number and split lines exactly as the line reader does, whatever the read and chunk sizes', async () => {
    for (const text of SAMPLES)
      for (const read of [1, 2, 3, 7, 64])
        for (const target of [1, 5, 16, 1024]) {
          const a = await viaBytes(text, read, target);
          const b = await viaReader(text);
          expect({ lines: a.lines, total: a.total }, JSON.stringify({ text, read, target })).toEqual(b);
        }
  });

  it('hands over copies the worker can own: whole ArrayBuffers that end at a line end', async () => {
    for await (const c of byteChunks(stream('one\ntwo\nthree\nfour', 3), { targetBytes: 6, maxLineBytes: 100 })) {
      if (c.kind !== 'lines') continue;
      expect(c.bytes.byteOffset).toBe(0);
      expect(c.bytes.buffer.byteLength).toBe(c.bytes.length);
    }
  });

  it('skips a line that outgrows the byte limit before its end arrives, by number, and goes on', async () => {
    const text = `short\n${'x'.repeat(50)}\nafter\n${'y'.repeat(60)}`;
    const r = await viaBytes(text, 4, 8, 20);
    expect(r.overlong).toEqual([2, 4]);
    expect(r.lines).toEqual([
      [1, 'short'],
      [3, 'after'],
    ]);
    expect(r.total).toBe(4);
    // Read at once, line 2 arrives whole inside a chunk: the byte guard only bounds memory, and the
    // worker's character check (MAX_LINE) decides, as for the line reader.
    const whole = await viaBytes(text, 256, 8, 20);
    expect(whole.overlong).toEqual([4]);
    expect(whole.lines.map(([n]) => n)).toEqual([1, 2, 3]);
  });
});
