import type { IncomingMessage } from 'node:http';
import { InputError } from '../spec/index.js';

/** Reads a small JSON body, refusing anything larger than `limit` bytes. */
export async function readJsonBody(req: IncomingMessage, limit = 1 << 20): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new InputError(`request body larger than ${limit} bytes`);
    chunks.push(buf);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch (e) {
    throw new InputError(`request body is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}
