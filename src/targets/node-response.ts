import type { IncomingMessage } from 'node:http';

/**
 * The part of a fetch `Response` the OpenAI SDK reads — status, headers, `text()`/`json()`, and a
 * body it iterates with `for await` — over a node:http response, without converting it into a web
 * ReadableStream (the SDK iterates any async-iterable body directly). The conversion and undici's
 * Response cost about a tenth of the harness's CPU per streamed case. No `clone()`: the Anthropic
 * SDK needs one, so it gets a real Response.
 */
export class NodeResponse {
  readonly type = 'basic';
  readonly redirected = false;
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: AsyncIterable<Buffer> | null;
  #used = false;

  constructor(
    res: IncomingMessage,
    readonly url: string,
    nullBody: boolean,
    body: AsyncIterable<Buffer> = res,
  ) {
    this.status = res.statusCode ?? 0;
    this.ok = this.status >= 200 && this.status < 300;
    this.statusText = res.statusMessage ?? '';
    this.headers = responseHeaders(res);
    this.body = nullBody ? null : body;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.#read();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return (await this.#read()).toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  clone(): never {
    throw new TypeError('NodeResponse cannot be cloned');
  }

  async #read(): Promise<Buffer> {
    if (this.#used) throw new TypeError('Body has already been used');
    this.#used = true;
    if (!this.body) return Buffer.alloc(0);
    const chunks: Buffer[] = [];
    for await (const chunk of this.body) chunks.push(chunk);
    return Buffer.concat(chunks);
  }
}

export function responseHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}
