import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Message } from '../../src/spec/index.js';

/**
 * What the next request meets instead of a normal answer (one fault per request, in queue order):
 * - `{ status, retryAfter?, body? }` an HTTP error (with a `Retry-After` header when given);
 * - `'invalid-json'` a 200 whose body (or first stream event) is not JSON;
 * - `'cut-stream'` the answer starts, then the connection is destroyed midway;
 * - `'hang'` the request is read and never answered;
 * - `'reset'` the connection is destroyed before any answer (a network error).
 */
export type Fault = { status: number; retryAfter?: string; body?: string } | 'invalid-json' | 'cut-stream' | 'hang' | 'reset';

export interface LoggedRequest {
  method: string;
  path: string;
  /** The query string, without its `?` ('' when none). */
  query: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or the raw text when it was not JSON. */
  body: unknown;
}

export interface ProtocolHandler {
  /** Whether this server answers the path; others get 404. */
  route(method: string, path: string): boolean;
  authorized(headers: IncomingHttpHeaders): boolean;
  errorBody(status: number, message: string): unknown;
  answer(o: { path: string; body: unknown; res: ServerResponse; fault?: 'invalid-json' | 'cut-stream' }): Promise<void>;
}

export interface ScriptedServerBase {
  /** The origin, `http://127.0.0.1:<port>`. */
  origin: string;
  /** Every request received, in order (empty when logging is off). */
  requests: LoggedRequest[];
  /** Push faults here at any time; each request takes the first one. */
  faults: Fault[];
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Starts `maxInFlight` over from the requests in flight now. */
  resetStats(): void;
  close(): Promise<void>;
}

export async function startScriptedServer(handler: ProtocolHandler, o: { faults?: Fault[]; log?: boolean }): Promise<ScriptedServerBase> {
  const state = { inFlight: 0, maxInFlight: 0 };
  const requests: LoggedRequest[] = [];
  const faults = [...(o.faults ?? [])];

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const text = await readBody(req);
    const body = parseJson(text);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const query = (req.url ?? '').split('?')[1] ?? '';
    if (o.log !== false) requests.push({ method: req.method ?? 'GET', path, query, headers: req.headers, body });
    if (!handler.route(req.method ?? 'GET', path)) return writeJson(res, 404, handler.errorBody(404, `no route ${req.method} ${path}`));
    if (!handler.authorized(req.headers)) return writeJson(res, 401, handler.errorBody(401, 'invalid api key'));
    const fault = faults.shift();
    if (fault === 'hang') return new Promise<void>((resolve) => res.on('close', resolve));
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (typeof fault === 'object') {
      const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter };
      if (fault.body !== undefined) return writeRaw(res, fault.status, fault.body, headers);
      return writeJson(res, fault.status, handler.errorBody(fault.status, `scripted fault ${fault.status}`), headers);
    }
    if (req.method === 'POST' && typeof body === 'string') return writeJson(res, 400, handler.errorBody(400, 'request body is not JSON'));
    await handler.answer({ path, body, res, fault });
  };

  const server = createServer((req, res) => {
    state.inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    let counted = true;
    const done = (): void => {
      if (!counted) return;
      counted = false;
      state.inFlight -= 1;
    };
    res.on('close', done);
    serve(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    faults,
    get inFlight() {
      return state.inFlight;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    resetStats: () => {
      state.maxInFlight = state.inFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function writeJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  writeRaw(res, status, JSON.stringify(value), headers);
}

function writeRaw(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A JSON body that declares its full length, sends half, and drops the connection. */
export function writeCutJson(res: ServerResponse, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.write(text.slice(0, Math.floor(text.length / 2)), () => res.destroy());
}

/** Server-sent events in one write; with `cut`, only the first event is sent before the connection drops. */
export function writeSse(res: ServerResponse, events: string[], o: { cut?: boolean } = {}): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  if (o.cut) {
    res.write(events.slice(0, Math.max(1, Math.min(2, events.length - 1))).join(''), () => res.destroy());
    return;
  }
  res.end(events.join(''));
}

export function sseEvent(data: unknown, event?: string): string {
  return `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

/** Splits text into deltas so clients see a real multi-event stream. */
export function chunks(text: string, size: number): string[] {
  if (text.length === 0) return [];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (text === '') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Content may be a string or a list of parts; the scripted model only needs the text. */
export function toMessages(value: unknown): Message[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((m) => {
    const role = m.role === 'system' || m.role === 'assistant' ? m.role : 'user';
    const content =
      typeof m.content === 'string'
        ? m.content
        : Array.isArray(m.content)
          ? m.content
              .filter(isRecord)
              .map((p) => (typeof p.text === 'string' ? p.text : ''))
              .join('')
          : '';
    return { role, content };
  });
}
