import type { Readable } from 'node:stream';
import { TargetError } from '../spec/index.js';

/**
 * A response body that fails as `too-large` once more than `maxBytes` have arrived, and drops
 * the connection: an endless stream, or one answer of hundreds of megabytes, is an error of its
 * own kind rather than memory exhausted or text cut short and judged as if whole.
 */
export async function* cappedBody(body: Readable, maxBytes: number): AsyncGenerator<Buffer> {
  let seen = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    seen += chunk.length;
    if (seen > maxBytes) {
      body.destroy();
      throw tooLarge(maxBytes);
    }
    yield chunk;
  }
}

export function tooLarge(maxBytes: number): TargetError {
  return new TargetError('too-large', `the response was larger than ${maxBytes} bytes (--max-response-bytes); it was not read further`);
}

/** A fetch Response's body as text, failing as `too-large` past `maxBytes` (the connection is dropped). */
export async function cappedText(res: Response, maxBytes: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let seen = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value.byteLength;
    if (seen > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
